using Ical.Net.CalendarComponents;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Calendar;

namespace TechFlow.OnCallBot.Tests.Calendar;

/// <summary>Feeds that calendar apps update: same UIDs, higher SEQUENCE, new LAST-MODIFIED, and cancellations.</summary>
public class ScheduleFeedRevisionTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Feeds_BeforeAndAfterASwap_SameUidsHigherSequenceAndTheChangedPeople()
    {
        using var bot = TestBot.Create(Monday);
        var feed = bot.Get<ScheduleFeed>();
        var (requester, counterpart) = await RequestSwapAsync(bot);
        var teamBefore = feed.Team();
        var mineBefore = feed.ForEngineer(requester)!;
        var theirsBefore = feed.ForEngineer(counterpart)!;
        bot.Time.Advance(TimeSpan.FromMinutes(5));

        var request = bot.Store.Set<SwapRequest>().All().Single();
        Assert.NotNull((await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart)).Replacement);
        bot.Time.Advance(TimeSpan.FromMinutes(5));
        var teamAfter = feed.Team();
        var mineAfter = feed.ForEngineer(requester)!;

        var before = Events(teamBefore);
        var after = Events(teamAfter);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        var changed = after.Values.Where(e => e.Summary != before[e.Uid!].Summary).ToList();
        Assert.Equal(2, changed.Count);
        Assert.All(changed, e => Assert.Equal(before[e.Uid!].Sequence + 1, e.Sequence));
        Assert.All(changed, e => Assert.Equal(bot.Time.GetUtcNow().UtcDateTime, e.LastModified!.AsUtc));
        Assert.All(after.Values.Except(changed), e => Assert.Equal((before[e.Uid!].Sequence, before[e.Uid!].LastModified!.AsUtc), (e.Sequence, e.LastModified!.AsUtc)));
        var given = changed.Single(e => e.DtStart!.AsUtc == request.RequesterStart.UtcDateTime);
        Assert.StartsWith($"On call: {Name(bot, counterpart)} (primary)", given.Summary, StringComparison.Ordinal);
        Assert.Contains($"swap: {Name(bot, counterpart)} for {Name(bot, requester)}", given.Description, StringComparison.Ordinal);

        var gone = Events(mineAfter)[ScheduleFeed.Uid(Shift(bot, request.RequesterStart), requester)];
        Assert.Equal("CANCELLED", gone.Status);
        Assert.Equal(Events(mineBefore)[gone.Uid!].Sequence + 1, gone.Sequence);
        Assert.Contains(Events(mineAfter).Values, e => e.Status != "CANCELLED" && e.DtStart!.AsUtc == request.CounterpartStart!.Value.UtcDateTime);
        Assert.DoesNotContain(Events(theirsBefore).Values, e => e.DtStart!.AsUtc == request.RequesterStart.UtcDateTime);
        foreach (var ics in new[] { teamBefore, teamAfter, mineBefore, mineAfter, feed.ForEngineer(counterpart)! })
        {
            var (code, output) = IcsValidator.Check(ics);
            Assert.True(code == 0, output);
        }
    }

    [Fact]
    public void Feeds_FetchedTwiceWithoutAChange_ByteIdenticalAndNothingStored()
    {
        using var bot = TestBot.Create(Monday);
        var feed = bot.Get<ScheduleFeed>();
        var first = feed.Team();
        var commits = 0;
        bot.Store.Committed += _ => commits++;
        bot.Time.Advance(TimeSpan.FromHours(1));

        var second = feed.Team();

        Assert.Equal(first, second);
        Assert.Equal(0, commits);
        Assert.All(Events(first).Values, e => Assert.Equal(0, e.Sequence));
    }

    [Fact]
    public async Task TeamFeed_MidWeekCover_TwoEventsTheFirstKeepsItsUid()
    {
        using var bot = TestBot.Create(Monday);
        var feed = bot.Get<ScheduleFeed>();
        var shift = bot.Get<ScheduleService>().ShiftAt(new DateTimeOffset(2026, 12, 9, 12, 0, 0, TimeSpan.Zero))!;
        var cover = bot.Get<RosterService>().Rotation().First(e => e.Id != shift.PrimaryId && e.Id != shift.SecondaryId).Id;
        var before = Events(feed.Team());

        Assert.Contains("is sent", await bot.AskTextAsync($"/oncall cover 2026-12-09 2026-12-11T17:00 @{cover}", shift.SecondaryId), StringComparison.Ordinal);
        await bot.PressAsync(SwapMessages.Approve, bot.Store.Set<SwapRequest>().All().Single().Id, cover);
        var after = Events(feed.Team());

        var first = after[ScheduleFeed.Uid(shift.Id, null)];
        var second = after[ScheduleFeed.Uid(shift.Id, null, 1)];
        Assert.Equal(before[first.Uid!].Sequence + 1, first.Sequence);
        Assert.Equal(shift.Start.UtcDateTime, first.DtStart!.AsUtc);
        Assert.Equal(first.DtEnd!.AsUtc, second.DtStart!.AsUtc);
        Assert.Equal(shift.End.UtcDateTime, second.DtEnd!.AsUtc);
        Assert.Contains($"{Name(bot, cover)} (secondary)", second.Summary, StringComparison.Ordinal);
        Assert.Contains($"secondary cover: {Name(bot, cover)} for {Name(bot, shift.SecondaryId)}", second.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalFeed_CancelledEvent_PublishedWhileTheFeedReachesBackThenDropped()
    {
        using var bot = TestBot.Create(Monday);
        var feed = bot.Get<ScheduleFeed>();
        var (requester, counterpart) = await RequestSwapAsync(bot);
        feed.ForEngineer(requester);
        var request = bot.Store.Set<SwapRequest>().All().Single();
        await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);
        var uid = ScheduleFeed.Uid(Shift(bot, request.RequesterStart), requester);

        Assert.Equal("CANCELLED", Events(feed.ForEngineer(requester)!)[uid].Status);
        bot.Time.SetUtcNow(request.RequesterEnd.AddDays(7 * ScheduleFeed.PastWeeks - 1));
        Assert.Equal("CANCELLED", Events(feed.ForEngineer(requester)!)[uid].Status);
        bot.Time.SetUtcNow(request.RequesterEnd.AddDays(7 * ScheduleFeed.PastWeeks + 1));
        Assert.False(Events(feed.ForEngineer(requester)!).ContainsKey(uid));
    }

    private static async Task<(string Requester, string Counterpart)> RequestSwapAsync(TestBot bot)
    {
        var shift = bot.Get<ScheduleService>().Shifts(Monday, Monday.AddDays(30)).Single(s => s.Id == "2026-12-04");
        var counterpart = bot.Get<RosterService>().Rotation().First(e => e.Id != shift.PrimaryId && e.Id != shift.SecondaryId).Id;
        Assert.Contains("is sent", await bot.AskTextAsync($"/oncall swap 2026-12-04 with @{counterpart}", shift.PrimaryId), StringComparison.Ordinal);
        return (shift.PrimaryId, counterpart);
    }

    private static string Shift(TestBot bot, DateTimeOffset start) => bot.Get<ScheduleService>().ShiftAt(start)!.Id;

    private static Dictionary<string, CalendarEvent> Events(string ics) => Ical.Net.Calendar.Load(ics)!.Events.ToDictionary(e => e.Uid!);

    private static string Name(TestBot bot, string id) => bot.Get<RosterService>().Find(id)!.Name;
}
