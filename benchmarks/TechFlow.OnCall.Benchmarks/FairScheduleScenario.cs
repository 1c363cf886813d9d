using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Storage;

namespace TechFlow.OnCall.Benchmarks;

/// <summary>A 3-year weekly plan for a team of random seniority with about 10% random time off each.</summary>
public sealed class FairScheduleScenario : IDisposable
{
    public const int Weeks = 156;
    private static readonly DateTimeOffset FirstHandoff = new(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);
    private readonly LiteDbStore _store = new(":memory:");

    public FairScheduleScenario(int engineers, int seed = 42)
    {
        var settings = new TeamSettings();
        var clock = new TeamClock(TimeProvider.System, settings);
        var calculator = new WindowFactsCalculator(new TeamCalendar(_store, settings), clock);
        var options = new FairScheduleOptions();
        Generator = new FairScheduleGenerator(calculator, new ScheduleRules(options), options, TimeProvider.System);
        Reporter = new FairnessReporter(calculator, clock);
        var random = new Random(seed);
        var team = Enumerable.Range(0, engineers)
            .Select(i => new Engineer { Id = $"e{i:00}", Name = $"Engineer {i}", Seniority = i == 0 ? Seniority.Senior : (Seniority)random.Next(3) })
            .ToList();
        var windows = new ShiftCalendar(clock).Windows(FirstHandoff, Weeks);
        var first = windows[0].LocalStart;
        var days = Weeks * 7;
        var timeOff = new List<TimeOff>();
        foreach (var engineer in team)
        {
            var taken = 0;
            while (taken < days / 10)
            {
                var length = random.Next(3, 15);
                var from = first.AddDays(random.Next(days));
                timeOff.Add(new TimeOff { Id = $"{engineer.Id}-{timeOff.Count}", EngineerId = engineer.Id, From = from, To = from.AddDays(length - 1) });
                taken += length;
            }
        }

        Request = new ScheduleRequest(windows, team, [], timeOff, []);
    }

    public FairScheduleGenerator Generator { get; }

    public FairnessReporter Reporter { get; }

    public ScheduleRequest Request { get; }

    public void Dispose() => _store.Dispose();
}
