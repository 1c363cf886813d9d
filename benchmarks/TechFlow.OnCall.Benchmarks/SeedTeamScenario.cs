using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Storage;

namespace TechFlow.OnCall.Benchmarks;

/// <summary>
/// The seed team (Alex senior, Sarah and Mike mid-level, Lisa junior; seniority rule on) on a fresh store on Monday
/// 2026-11-23, the way the bot plans it: the stored year, then <c>schedule --from 2026-11-27 --weeks 156</c>.
/// </summary>
public sealed class SeedTeamScenario : IDisposable
{
    public const int Weeks = 156;
    public static readonly DateOnly From = new(2026, 11, 27);
    private readonly LiteDbStore _store = new(":memory:");

    public SeedTeamScenario()
    {
        var settings = new TeamSettings();
        var clock = new TeamClock(new FixedTime(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)), settings);
        var calculator = new WindowFactsCalculator(new TeamCalendar(_store, settings), clock);
        var options = new FairScheduleOptions();
        Generator = new FairScheduleGenerator(calculator, new ScheduleRules(options), options, TimeProvider.System);
        Reporter = new FairnessReporter(calculator, clock);
        Team =
        [
            new Engineer { Id = "alex-chen", Name = "Alex Chen", Seniority = Seniority.Senior },
            new Engineer { Id = "sarah-johnson", Name = "Sarah Johnson", Seniority = Seniority.MidLevel },
            new Engineer { Id = "mike-rodriguez", Name = "Mike Rodriguez", Seniority = Seniority.MidLevel },
            new Engineer { Id = "lisa-wang", Name = "Lisa Wang", Seniority = Seniority.Junior },
        ];
        ((Core.Storage.IOnCallStore)_store).Write(tx => Team.ForEach(e => tx.Set<Engineer>().Upsert(e)));
        var shifts = new ShiftCalendar(clock);
        Schedule = new ScheduleService(_store, shifts, clock, Generator, new RosterService(_store), new EffectiveSchedule(_store, clock));
        Request = new ScheduleRequest(shifts.Windows(clock.ToInstant(From, settings.HandoffTime), Weeks), Team, [], [], []);
    }

    public FairScheduleGenerator Generator { get; }

    public FairnessReporter Reporter { get; }

    public List<Engineer> Team { get; }

    public ScheduleService Schedule { get; }

    /// <summary>One 3-year plan from 2026-11-27 in a single pass.</summary>
    public ScheduleRequest Request { get; }

    /// <summary>The stored year plus the weeks past it planned on request, as the CLI export does.</summary>
    public FairnessReport AsTheBotPlansIt()
    {
        Schedule.EnsurePlanned();
        var range = Schedule.Range(From, Weeks);
        return Reporter.Build(range.Shifts, Team, []);
    }

    public void Dispose() => _store.Dispose();

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
