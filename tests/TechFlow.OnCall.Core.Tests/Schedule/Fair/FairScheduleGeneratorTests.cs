using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Schedule.Fair;

public class FairScheduleGeneratorTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstHandoff = new(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(52)]
    [InlineData(156)]
    public void Plan_SeedTeamFromThanksgivingWeek_EverySpreadAtItsLowerBound(int weeks)
    {
        using var bot = TestBot.Create(Monday);
        var request = Request(bot, weeks);

        var plan = bot.Get<FairScheduleGenerator>().Plan(request);
        var report = bot.Get<FairnessReporter>().ForPlan(plan, request);

        Assert.Empty(plan.Plan.Problems);
        Assert.Equal(weeks, plan.Plan.Shifts.Count);
        Assert.All(report.Categories, c => Assert.True(c.AtLowerBound, $"{c.Category}: spread {c.Spread}, bound {c.LowerBound}"));
        Assert.All(report.Categories, c => Assert.True(c.Spread <= 1, $"{c.Category}: spread {c.Spread}"));
    }

    [Fact]
    public void Plan_SeedTeamThreeYears_KeepsEveryHardRule()
    {
        using var bot = TestBot.Create(Monday);
        var request = Request(bot, 156);

        var plan = bot.Get<FairScheduleGenerator>().Plan(request);

        var facts = plan.Facts.ToDictionary(f => f.Window.Id);
        Assert.Empty(bot.Get<ScheduleRules>().Check(plan.Plan.Shifts, facts, request.Engineers, request.TimeOff));
    }

    [Fact]
    public void Plan_JuniorPrimaryInInvestorPeriod_HasExperiencedSecondary()
    {
        using var bot = TestBot.Create(Monday);
        var request = Request(bot, 156);

        var plan = bot.Get<FairScheduleGenerator>().Plan(request);

        var lisaInvestorWeeks = plan.Plan.Shifts
            .Where((s, i) => s.PrimaryId == "lisa-wang" && plan.Facts[i].IsInvestorPeriod)
            .ToList();
        Assert.NotEmpty(lisaInvestorWeeks);
        Assert.All(lisaInvestorWeeks, s => Assert.NotEqual("lisa-wang", s.SecondaryId));
        Assert.All(lisaInvestorWeeks, s => Assert.NotEqual(Seniority.Junior, bot.Get<RosterService>().Find(s.SecondaryId)!.Seniority));
    }

    [Fact]
    public void Plan_TimeOffOverAWeek_NobodyAwayIsOnCall()
    {
        using var bot = TestBot.Create(Monday);
        var timeOff = new TimeOff { Id = "t1", EngineerId = "alex-chen", From = new(2026, 12, 21), To = new(2027, 1, 3) };
        var request = Request(bot, 8) with { TimeOff = [timeOff] };

        var plan = bot.Get<FairScheduleGenerator>().Plan(request);

        var overlapping = plan.Plan.Shifts.Where((_, i) => timeOff.Overlaps(plan.Facts[i].FirstDay, plan.Facts[i].LastDay)).ToList();
        Assert.Equal(3, overlapping.Count);
        Assert.All(overlapping, s => Assert.DoesNotContain("alex-chen", new[] { s.PrimaryId, s.SecondaryId }));
    }

    [Fact]
    public void Plan_OnlyOneEngineerFree_ReportsTheWindowInsteadOfBreakingARule()
    {
        using var bot = TestBot.Create(Monday);
        var away = new[] { "alex-chen", "sarah-johnson", "mike-rodriguez" }
            .Select(id => new TimeOff { Id = id, EngineerId = id, From = new(2026, 12, 7), To = new(2026, 12, 9) })
            .ToList();
        var request = Request(bot, 4) with { TimeOff = away };

        var plan = bot.Get<FairScheduleGenerator>().Plan(request);

        var problem = Assert.Single(plan.Plan.Problems);
        Assert.Equal("2026-12-04", problem.Window.Id);
        Assert.Contains("only 1 engineer free", problem.Reason);
        Assert.Equal(3, plan.Plan.Shifts.Count);
    }

    [Fact]
    public void Plan_JuniorOnlyWithJuniorsInInvestorPeriod_ReportsTheSeniorityRule()
    {
        using var bot = TestBot.Create(Monday);
        var juniors = new[] { "a", "b", "c" }.Select(id => new Engineer { Id = id, Name = id.ToUpperInvariant(), Seniority = Seniority.Junior }).ToList();
        var request = Request(bot, 8) with { Engineers = juniors };

        var plan = bot.Get<FairScheduleGenerator>().Plan(request);

        Assert.NotEmpty(plan.Plan.Problems);
        Assert.All(plan.Plan.Problems, p => Assert.Contains("seniority rule", p.Reason));
        Assert.All(plan.Plan.Problems, p => Assert.True(plan.Facts.Single(f => f.Window.Id == p.Window.Id).IsInvestorPeriod));
    }

    [Fact]
    public void Plan_LastPrimaryInHistory_IsNotPrimaryInTheFirstWindow()
    {
        using var bot = TestBot.Create(Monday);
        var request = Request(bot, 4);
        var before = bot.Get<ShiftCalendar>().Previous(request.Windows[0]);
        var history = new Shift { Id = before.Id, Start = before.Start, End = before.End, PrimaryId = "alex-chen", SecondaryId = "lisa-wang" };

        var plan = bot.Get<FairScheduleGenerator>().Plan(request with { History = [history] });

        Assert.NotEqual("alex-chen", plan.Plan.Shifts[0].PrimaryId);
    }

    [Fact]
    public void Plan_HistoryWithUnevenHolidays_EvensThemOut()
    {
        using var bot = TestBot.Create(Monday);
        var calendar = bot.Get<ShiftCalendar>();
        var year = calendar.Windows(FirstHandoff.AddDays(-364), 52);
        var roundRobin = bot.Get<RoundRobinGenerator>().Generate(Request(bot, 52) with { Windows = year });
        var request = Request(bot, 52) with { History = roundRobin.Shifts };
        var reporter = bot.Get<FairnessReporter>();

        var plan = bot.Get<FairScheduleGenerator>().Plan(request);

        var report = reporter.ForPlan(plan, request);
        var before = reporter.Build(roundRobin.Shifts, request.Engineers, []);
        Assert.True(before[FairnessCategory.Holiday].Spread > 1);
        Assert.All(report.Categories, c => Assert.True(c.AtLowerBound, $"{c.Category}: spread {c.Spread}, bound {c.LowerBound}"));
    }

    [Fact]
    public void Plan_NewEngineerWithoutHistory_StartsAtTheTeamAverage()
    {
        using var bot = TestBot.Create(Monday);
        var calendar = bot.Get<ShiftCalendar>();
        var year = calendar.Windows(FirstHandoff.AddDays(-364), 52);
        var history = bot.Get<RoundRobinGenerator>().Generate(Request(bot, 52) with { Windows = year }).Shifts;
        var newcomer = new Engineer { Id = "zoe-new", Name = "Zoe New", Seniority = Seniority.MidLevel };
        var request = Request(bot, 52) with { History = history, Engineers = [.. bot.Get<RosterService>().Rotation(), newcomer] };

        var plan = bot.Get<FairScheduleGenerator>().Plan(request);

        var zoe = plan.Plan.Shifts.Count(s => s.PrimaryId == "zoe-new");
        Assert.Equal(13, plan.Baseline["zoe-new"][(int)FairnessCategory.Primary]);
        Assert.InRange(zoe, 10, 11);
    }

    [Fact]
    public void Plan_EngineerWhoLeaves_NoWindowTouchingTheirLeavingDayOrLater()
    {
        using var bot = TestBot.Create(Monday);
        var team = bot.Get<RosterService>().Rotation().Select(e => e.Id == "mike-rodriguez" ? e with { LeftOn = new DateOnly(2027, 1, 6) } : e).ToList();
        var request = Request(bot, 12) with { Engineers = team };

        var plan = bot.Get<FairScheduleGenerator>().Plan(request);

        var mikes = plan.Plan.Shifts.Where(s => s.PrimaryId == "mike-rodriguez" || s.SecondaryId == "mike-rodriguez").ToList();
        Assert.NotEmpty(mikes);
        Assert.All(mikes, s => Assert.True(plan.Facts.Single(f => f.Window.Id == s.Id).LastDay < new DateOnly(2027, 1, 6), s.Id));
        Assert.Empty(plan.Plan.Problems);
    }

    private static ScheduleRequest Request(TestBot bot, int weeks) =>
        new(bot.Get<ShiftCalendar>().Windows(FirstHandoff, weeks), bot.Get<RosterService>().Rotation(), [], [], []);
}
