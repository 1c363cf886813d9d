using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Core.TeamChanges;
using TechFlow.OnCall.Testing;
using static TechFlow.OnCall.Core.Tests.Swaps.SwapTestKit;

namespace TechFlow.OnCall.Core.Tests.TeamChanges;

/// <summary>For the seed team, the re-planned year stays at its fairness bounds after a join and after a leave.</summary>
public class TeamChangeFairnessTests
{
    [Theory]
    [InlineData("/oncall team add Priya Patel mid")]
    [InlineData("/oncall team leave sarah")]
    public async Task Change_Confirmed_TheReplannedWeeksAreAtTheirFairnessBounds(string text)
    {
        using var bot = TestBot.Create(Monday);
        var card = await bot.AskAsync(text, "jordan-blake");
        await bot.PressAsync(TeamMessages.Confirm, card.Buttons[0].Value, "jordan-blake");

        var from = Monday.AddDays(-3);
        var shifts = bot.Get<EffectiveSchedule>().Shifts(from, Monday.AddDays(7 * 52)).Where(s => s.Start >= from).ToList();
        var today = bot.Get<TeamClock>().LocalDate(Monday);
        var team = bot.Get<RosterService>().Rotation().Where(e => e.LeftOn is null || e.LeftOn > today).ToList();
        var report = bot.Get<FairnessReporter>().Build(shifts, team, []);

        Assert.True(shifts.Count >= 45, $"{shifts.Count} shifts");
        Assert.All(report.Categories, c => Assert.True(c.AtLowerBound, $"{c.Category}: spread {c.Spread}, bound {c.LowerBound}"));
    }
}
