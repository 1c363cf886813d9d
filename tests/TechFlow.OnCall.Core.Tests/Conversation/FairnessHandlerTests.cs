using System.Globalization;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Conversation;

public class FairnessHandlerTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Fairness_2027_CountsAgreeWithTheStoredSchedule()
    {
        using var bot = TestBot.Create(Monday);
        var clock = bot.Get<TeamClock>();
        var stored = bot.Store.Set<Shift>().All().Where(s => clock.LocalDate(s.Start).Year == 2027).ToList();

        var reply = await bot.AskAsync("/oncall fairness 2027");

        var table = reply.Table!;
        Assert.Equal("Primary", table.Columns[1]);
        foreach (var id in new[] { "alex-chen", "sarah-johnson", "mike-rodriguez", "lisa-wang" })
        {
            var row = table.Rows.Single(r => r[0] == ReplyMarkup.Person(id));
            Assert.Equal(stored.Count(s => s.PrimaryId == id).ToString(CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(stored.Count(s => s.SecondaryId == id).ToString(CultureInfo.InvariantCulture), row[2]);
        }

        Assert.Contains(table.Rows, r => r[0] == "Spread");
        Assert.Contains(table.Rows, r => r[0] == "Lower bound");
    }

    [Fact]
    public void Report_HoursInAndOut_AddUpToTimeOnCall()
    {
        using var bot = TestBot.Create(Monday);
        var stored = bot.Store.Set<Shift>().All().Where(s => bot.Get<TeamClock>().LocalDate(s.Start).Year == 2027).ToList();

        var report = bot.Get<FairnessHandler>().Report(2027);

        var total = stored.Sum(s => (s.End - s.Start).TotalHours) * 2;
        Assert.Equal(total, report.Engineers.Sum(e => e.HoursInWorkingHours + e.HoursOutsideWorkingHours), 3);
        Assert.All(report.Engineers, e => Assert.InRange(e.HoursInWorkingHours, 1, e.HoursOutsideWorkingHours));
    }

    [Fact]
    public async Task Fairness_NotAYear_ClearError()
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskAsync("/oncall fairness soon");

        Assert.Equal(ReplyTone.Error, reply.Tone);
    }

    [Fact]
    public void LowerBound_TotalNotDivisible_IsOne()
    {
        Assert.Equal(1, FairnessBounds.LowerBound([0, 0, 0, 0], [52, 52, 52, 52], 13));
        Assert.Equal(0, FairnessBounds.LowerBound([0, 0, 0, 0], [52, 52, 52, 52], 12));
        Assert.Equal(3, FairnessBounds.LowerBound([0, 0, 0, 0], [1, 52, 52, 52], 13));
        Assert.Equal(5, FairnessBounds.LowerBound([5, 0, 0, 0], [9, 9, 9, 9], 7));
    }
}
