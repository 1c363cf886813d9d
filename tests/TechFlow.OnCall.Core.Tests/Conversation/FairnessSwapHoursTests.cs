using System.Globalization;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Conversation;

/// <summary>Covers and swaps count in the fairness totals of the person who worked the time.</summary>
public class FairnessSwapHoursTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Fairness_WholeShiftCover_CountsForTheCoverAndSaysHowManyHoursCameFromSwaps()
    {
        using var bot = TestBot.Create(Monday);
        var shift = bot.Get<ScheduleService>().ShiftAt(new DateTimeOffset(2027, 2, 8, 12, 0, 0, TimeSpan.Zero))!;
        var cover = bot.Get<RosterService>().Rotation().First(e => e.Id != shift.PrimaryId && e.Id != shift.SecondaryId).Id;
        var before = bot.Get<FairnessHandler>().Report(2027);

        await AskAndApproveCoverAsync(bot, $"/oncall cover {shift.Id}T17:00 {shift.Window.LocalStart.AddDays(7):yyyy-MM-dd}T17:00 @{cover}", shift.PrimaryId, cover);
        var after = bot.Get<FairnessHandler>().Report(2027);
        var reply = PlainTextRenderer.Render(await bot.AskAsync("/oncall fairness 2027"), TestFrontEnds.Chat.CommandPrefix);

        var hours = (shift.End - shift.Start).TotalHours;
        Assert.Equal(Primary(before, shift.PrimaryId) - 1, Primary(after, shift.PrimaryId));
        Assert.Equal(Primary(before, cover) + 1, Primary(after, cover));
        Assert.Equal(hours, Engineer(after, cover).HoursFromSwaps, 3);
        Assert.Equal(Hours(before, shift.PrimaryId) - hours, Hours(after, shift.PrimaryId), 3);
        Assert.Contains($"{Math.Round(hours).ToString(CultureInfo.InvariantCulture)} of the hours came from swaps and covers", reply);
    }

    [Fact]
    public async Task Fairness_PartialCover_MovesHoursButNotTheWholeShiftCount()
    {
        using var bot = TestBot.Create(Monday);
        var shift = bot.Get<ScheduleService>().ShiftAt(new DateTimeOffset(2027, 2, 8, 12, 0, 0, TimeSpan.Zero))!;
        var cover = bot.Get<RosterService>().Rotation().First(e => e.Id != shift.PrimaryId && e.Id != shift.SecondaryId).Id;
        var before = bot.Get<FairnessHandler>().Report(2027);
        var day = shift.Window.LocalStart.AddDays(3);

        await AskAndApproveCoverAsync(bot, $"/oncall cover {day:yyyy-MM-dd} {day:yyyy-MM-dd} @{cover}", shift.PrimaryId, cover);
        var after = bot.Get<FairnessHandler>().Report(2027);

        Assert.Equal(Primary(before, shift.PrimaryId), Primary(after, shift.PrimaryId));
        Assert.Equal(24, Engineer(after, cover).HoursFromSwaps, 3);
        Assert.Equal(Hours(before, cover) + 24, Hours(after, cover), 3);
        Assert.Equal(0, before.Engineers.Sum(e => e.HoursFromSwaps));
    }

    private static async Task AskAndApproveCoverAsync(TestBot bot, string ask, string requester, string cover)
    {
        Assert.Contains("is sent", await bot.AskTextAsync(ask, requester), StringComparison.Ordinal);
        var request = bot.Store.Set<SwapRequest>().All().Single();
        Assert.Contains("Approved", (await bot.PressAsync(SwapMessages.Approve, request.Id, cover)).Notice, StringComparison.Ordinal);
    }

    private static Core.Schedule.Fair.EngineerFairness Engineer(Core.Schedule.Fair.FairnessReport report, string id) => report.Engineers.Single(e => e.Engineer.Id == id);

    private static int Primary(Core.Schedule.Fair.FairnessReport report, string id) => Engineer(report, id)[Core.Schedule.Fair.FairnessCategory.Primary];

    private static double Hours(Core.Schedule.Fair.FairnessReport report, string id) => Engineer(report, id).HoursInWorkingHours + Engineer(report, id).HoursOutsideWorkingHours;
}
