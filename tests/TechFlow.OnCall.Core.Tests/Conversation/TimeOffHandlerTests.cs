using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Conversation;

public class TimeOffHandlerTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Add_FutureTimeOff_NobodyAwayIsOnCallAndOnlyNearbyShiftsChange()
    {
        using var bot = TestBot.Create(Monday);
        var before = AllShifts(bot);

        var reply = await bot.AskAsync("/oncall timeoff add 2027-03-01 2027-03-12 ski trip", "lisa-wang");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        var after = bot.Store.Set<Shift>().All();
        var away = new TimeOff { Id = "x", EngineerId = "lisa-wang", From = new(2027, 3, 1), To = new(2027, 3, 12) };
        var overlapping = after.Where(s => away.Overlaps(bot.Get<TeamClock>().LocalDate(s.Start), bot.Get<TeamClock>().LocalDate(s.End))).ToList();
        Assert.NotEmpty(overlapping);
        Assert.All(overlapping, s => Assert.DoesNotContain("lisa-wang", new[] { s.PrimaryId, s.SecondaryId }));
        var changed = after.Where(s => before[s.Id].PrimaryId != s.PrimaryId || before[s.Id].SecondaryId != s.SecondaryId).ToList();
        Assert.InRange(changed.Count, 1, overlapping.Count + 2);
        Assert.All(changed, s => Assert.InRange(s.Start, new DateTimeOffset(2027, 2, 12, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 20, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Add_TimeOffOverAFrozenShift_PostsACoverageGapAndKeepsTheShift()
    {
        using var bot = TestBot.Create(Monday);
        var current = bot.Get<ScheduleService>().ShiftAt(Monday)!;

        var reply = PlainTextRenderer.Render(await bot.AskAsync("/oncall timeoff add 2026-11-24 2026-11-25 dentist", current.PrimaryId), TestFrontEnds.Chat.CommandPrefix);

        Assert.Contains("coverage gap", reply);
        Assert.Contains("uncovered: needs a cover", reply);
        Assert.Equal(current.PrimaryId, bot.Get<ScheduleService>().ShiftAt(Monday)!.PrimaryId);
        var gap = Assert.Single(bot.Store.Set<OutboxMessage>().Find(m => m.Kind == "coverage-gap"));
        Assert.Null(gap.DirectTo);
        Assert.Contains("Take it", string.Join(" ", gap.Reply.Context));
        var request = Assert.Single(bot.Store.Set<Core.Swaps.SwapRequest>().All());
        Assert.Equal(current.PrimaryId, request.RequesterId);
        Assert.Null(request.CounterpartId);
        Assert.Contains(request.Id, reply);
    }

    [Fact]
    public async Task Add_TimeOffThatMovesShifts_EnqueuesAScheduleMovedDm()
    {
        using var bot = TestBot.Create(Monday);
        var later = bot.Get<ScheduleService>().ShiftAt(new DateTimeOffset(2027, 4, 14, 12, 0, 0, TimeSpan.Zero))!;

        await bot.AskAsync("/oncall timeoff add 2027-04-12 2027-04-14", later.PrimaryId);

        var dms = bot.Store.Set<OutboxMessage>().Find(m => m.Kind == "schedule-moved");
        Assert.Contains(dms, m => m.DirectTo == later.PrimaryId && m.Id.StartsWith($"schedule-moved:{later.PrimaryId}:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/oncall timeoff add 2027-03-12 2027-03-01", "before the start date")]
    [InlineData("/oncall timeoff add 2027-13-01 2027-03-01", "couldn't read")]
    [InlineData("/oncall timeoff add 2027-03-01", "start and an end date")]
    [InlineData("/oncall timeoff add 2027-03-01 2027-03-02 @nobody-here", "couldn't find")]
    [InlineData("/oncall timeoff add 2027-03-01 2027-03-02 @alex", "Only a manager or an admin")]
    [InlineData("/oncall timeoff add 2020-03-01 2020-03-02", "already over")]
    public async Task Add_BadInput_ClearErrorAndNothingStored(string text, string expected)
    {
        using var bot = TestBot.Create(Monday);
        var before = AllShifts(bot);

        var reply = await bot.AskAsync(text, "lisa-wang");

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains(expected, PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, bot.Store.Set<TimeOff>().Count());
        Assert.Equal(before, AllShifts(bot));
    }

    [Fact]
    public async Task Add_ManagerForSomeone_StoresTheirTimeOff()
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskAsync("/oncall timeoff add 2027-05-03 2027-05-07 @mike conference", "jordan-blake");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        var stored = Assert.Single(bot.Store.Set<TimeOff>().All());
        Assert.Equal("mike-rodriguez", stored.EngineerId);
        Assert.Equal("conference", stored.Reason);
    }

    [Fact]
    public async Task ListAndRemove_OwnTimeOff_ListedThenGone()
    {
        using var bot = TestBot.Create(Monday);
        await bot.AskAsync("/oncall timeoff add 2027-05-03 2027-05-07", "sarah-johnson");

        var listed = await bot.AskTextAsync("/oncall timeoff list @sarah");
        var denied = await bot.AskAsync("/oncall timeoff remove 20270503-sarah-johnson", "lisa-wang");
        var removed = await bot.AskAsync("/oncall timeoff remove 20270503-sarah-johnson", "sarah-johnson");

        Assert.Contains("20270503-sarah-johnson", listed);
        Assert.Equal(ReplyTone.Error, denied.Tone);
        Assert.Equal(ReplyTone.Success, removed.Tone);
        Assert.Equal(0, bot.Store.Set<TimeOff>().Count());
    }

    private static Dictionary<string, (string PrimaryId, string SecondaryId)> AllShifts(TestBot bot) =>
        bot.Store.Set<Shift>().All().ToDictionary(s => s.Id, s => (s.PrimaryId, s.SecondaryId));
}
