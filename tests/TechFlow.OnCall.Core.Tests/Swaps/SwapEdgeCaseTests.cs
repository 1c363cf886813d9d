using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Testing;
using static TechFlow.OnCall.Core.Tests.Swaps.SwapTestKit;

namespace TechFlow.OnCall.Core.Tests.Swaps;

/// <summary>Daylight saving, "next", help, and the open-cover rules.</summary>
public class SwapEdgeCaseTests
{
    [Fact]
    public async Task HandleAsync_CoverAcrossSpringForward_WholeLocalDays()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2027-03-12");

        var text = await bot.AskTextAsync("/oncall cover 2027-03-13 2027-03-15", shift.SecondaryId);
        var request = Single(bot);
        await bot.PressAsync(SwapMessages.Take, request.Id, Outsider(shift));

        Assert.Contains("is posted", text);
        var cover = Assert.Single(Overrides(bot, request.Id));
        Assert.Equal(ShiftRole.Secondary, cover.Role);
        Assert.Equal(new DateTimeOffset(2027, 3, 13, 5, 0, 0, TimeSpan.Zero), cover.Start);
        Assert.Equal(new DateTimeOffset(2027, 3, 16, 4, 0, 0, TimeSpan.Zero), cover.End);
    }

    [Fact]
    public async Task HandleAsync_SwapNext_TradesTheFirstUpcomingShift()
    {
        using var bot = TestBot.Create(Monday);
        var next = bot.Get<SwapSchedule>().Upcoming(Monday).First();
        var requester = ShiftOn(bot, next.Id).PrimaryId;
        var counterpart = Outsider(ShiftOn(bot, next.Id));

        var text = await bot.AskTextAsync($"/oncall swap next with {bot.Get<RosterService>().Find(counterpart)!.Name}", requester);

        Assert.Contains("is sent", text);
        Assert.Equal(next.Start, Single(bot).RequesterStart);
        Assert.Equal(next.Start, Single(bot).ExpiresAt);
    }

    [Fact]
    public async Task HandleAsync_Help_ListsSwapCommands()
    {
        using var bot = TestBot.Create(Monday);

        var text = await bot.AskTextAsync("/oncall help", "sarah-johnson");

        Assert.Contains("/oncall swap <my shift> with @someone", text);
        Assert.Contains("/oncall cover <from> <to> [@someone]", text);
        Assert.Contains("/oncall history [@someone]", text);
    }

    [Fact]
    public async Task HandleAsync_DeclineOpenCover_RefusedAndNothingChanged()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2026-12-04");
        await bot.AskTextAsync("/oncall cover 2026-12-05 2026-12-06", shift.PrimaryId);
        var request = Single(bot);
        var before = Snapshot(bot);

        var result = await bot.PressAsync(SwapMessages.Decline, request.Id, Outsider(shift));

        Assert.Contains("open to anyone", result.Notice, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task HandleAsync_TakerOnTimeOff_CannotTakeOpenCover()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2026-12-04");
        await bot.AskTextAsync("/oncall cover 2026-12-05 2026-12-06", shift.PrimaryId);
        var request = Single(bot);
        var taker = Outsider(shift);
        bot.Store.Write(s => s.Set<TimeOff>().Upsert(new TimeOff { Id = "off-4", EngineerId = taker, From = new DateOnly(2026, 12, 6), To = new DateOnly(2026, 12, 9) }));
        var before = Snapshot(bot);

        var result = await bot.PressAsync(SwapMessages.Take, request.Id, taker);

        Assert.Contains("is off Sun Dec 6 – Wed Dec 9", result.Notice, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task HandleAsync_ManagerTakesOpenCover_RefusedBecauseNotInRotation()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2026-12-04");
        await bot.AskTextAsync("/oncall cover 2026-12-05 2026-12-06", shift.PrimaryId);
        var before = Snapshot(bot);

        var result = await bot.PressAsync(SwapMessages.Take, Single(bot).Id, "jordan-blake");

        Assert.Contains("not in the on-call rotation", result.Notice, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(bot));
    }
}
