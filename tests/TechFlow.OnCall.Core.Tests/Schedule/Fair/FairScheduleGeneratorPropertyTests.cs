using FsCheck;
using FsCheck.Xunit;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Schedule.Fair;

/// <summary>Random teams of 3 to 12 with random time off, shift lengths and seniority rules: every hard rule kept, or the window reported.</summary>
public sealed class FairScheduleGeneratorPropertyTests(FairScheduleGeneratorPropertyTests.BotFixture fixture)
    : IClassFixture<FairScheduleGeneratorPropertyTests.BotFixture>
{
    private static readonly int[] Lengths = [1, 3, 7, 14];
    private static readonly DateOnly FirstDay = new(2026, 11, 27);

    [Property(MaxTest = 80)]
    public bool Plan_RandomTeamAndTimeOff_EveryRuleKeptOrWindowReported(byte size, byte[] levels, ushort[] away, byte shape)
    {
        var n = 3 + (size % 10);
        var engineers = Enumerable.Range(0, n)
            .Select(i => new Engineer
            {
                Id = $"e{i:00}",
                Name = $"Engineer {i}",
                Seniority = (Seniority)((levels.Length == 0 ? i : levels[i % levels.Length]) % 3),
                JoinedOn = i == n - 1 && shape % 5 == 0 ? FirstDay.AddDays(60) : null,
            })
            .ToList();
        var length = Lengths[shape % Lengths.Length];
        var count = Math.Min(120, 365 / length);
        var timeOff = away.Select((v, k) => new TimeOff
        {
            Id = $"t{k}",
            EngineerId = engineers[v % n].Id,
            From = FirstDay.AddDays(v / n % 365),
            To = FirstDay.AddDays((v / n % 365) + (v % 13)),
        }).ToList();
        var rule = (SeniorityRule)(shape / 4 % 3);
        var windows = Windows(length, count);
        var before = new ShiftWindow(FirstDay.AddDays(-length), Instant(FirstDay.AddDays(-length)), windows[0].Start);
        var history = new Shift { Id = before.Id, Start = before.Start, End = before.End, PrimaryId = engineers[shape % (n - 1)].Id, SecondaryId = engineers[(shape + 1) % (n - 1)].Id };
        var rules = new ScheduleRules(new FairScheduleOptions { SeniorityRule = rule });
        var generator = new FairScheduleGenerator(fixture.Calculator, rules, new FairScheduleOptions { SeniorityRule = rule }, TimeProvider.System);

        var plan = generator.Plan(new ScheduleRequest(windows, engineers, [history], timeOff, []));

        var facts = fixture.Calculator.For([before, .. windows]).ToDictionary(f => f.Window.Id);
        var violations = rules.Check([history, .. plan.Plan.Shifts], facts, engineers, []).Where(v => v.ShiftId != history.Id).ToList();
        var timeOffViolations = rules.Check(plan.Plan.Shifts, facts, engineers, timeOff);
        var filled = plan.Plan.Shifts.Select(s => s.Id).ToHashSet();
        var reported = plan.Plan.Problems.Select(p => p.Window.Id).ToHashSet();
        return violations.Count == 0
            && timeOffViolations.Count == 0
            && windows.All(w => filled.Contains(w.Id) != reported.Contains(w.Id))
            && plan.Plan.Problems.All(p => !string.IsNullOrWhiteSpace(p.Reason));
    }

    /// <remarks>Without the seniority rule: with it, a team of juniors and one senior forces the senior into every investor week.</remarks>
    [Property(MaxTest = 40)]
    public bool Plan_RandomTeamWithoutTimeOff_PrimaryAndSecondarySpreadAtMostOne(byte size, byte[] levels)
    {
        var n = 3 + (size % 10);
        var engineers = Enumerable.Range(0, n)
            .Select(i => new Engineer { Id = $"e{i:00}", Name = $"E{i}", Seniority = (Seniority)((levels.Length == 0 ? 2 : levels[i % levels.Length]) % 3) })
            .Append(new Engineer { Id = "senior", Name = "Senior", Seniority = Seniority.Senior })
            .ToList();
        var request = new ScheduleRequest(Windows(7, 52), engineers, [], [], []);

        var options = new FairScheduleOptions { SeniorityRule = SeniorityRule.None };
        var plan = new FairScheduleGenerator(fixture.Calculator, new ScheduleRules(options), options, TimeProvider.System).Plan(request);
        var report = fixture.Reporter.ForPlan(plan, request);

        return plan.Plan.Problems.Count == 0
            && report[FairnessCategory.Primary].Spread <= 1
            && report[FairnessCategory.Secondary].Spread <= 1;
    }

    private List<ShiftWindow> Windows(int length, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ShiftWindow(FirstDay.AddDays(i * length), Instant(FirstDay.AddDays(i * length)), Instant(FirstDay.AddDays((i + 1) * length))))];

    private DateTimeOffset Instant(DateOnly day) => fixture.Clock.ToInstant(day, new TimeOnly(17, 0));

    public sealed class BotFixture : IDisposable
    {
        private readonly TestBot _bot = TestBot.Create(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

        public WindowFactsCalculator Calculator => _bot.Get<WindowFactsCalculator>();

        public FairScheduleGenerator Generator => _bot.Get<FairScheduleGenerator>();

        public FairnessReporter Reporter => _bot.Get<FairnessReporter>();

        public TeamClock Clock => _bot.Get<TeamClock>();

        public void Dispose() => _bot.Dispose();
    }
}
