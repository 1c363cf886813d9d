using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>Keeps the stored schedule planned ahead, and reads shifts and overrides.</summary>
public sealed class ScheduleService(
    IOnCallStore store,
    ShiftCalendar calendar,
    TeamClock clock,
    IScheduleGenerator generator,
    RosterService roster)
{
    /// <summary>
    /// Plans every window from the one containing now through <see cref="TeamSettings.PlanAheadWeeks"/> that has
    /// no stored shift yet; stored shifts are kept. Idempotent.
    /// </summary>
    /// <returns>The problems the generator reported (empty when every window was filled).</returns>
    public IReadOnlyList<ScheduleProblem> EnsurePlanned()
    {
        var now = clock.Now;
        var horizon = now.AddDays(7 * clock.Settings.PlanAheadWeeks);
        var windows = calendar.Between(now, horizon);
        if (windows.Count == 0)
        {
            return [];
        }

        var firstStart = windows[0].Start;
        return store.Write(s =>
        {
            var shifts = s.Set<Shift>();
            var stored = shifts.Find(x => x.End > firstStart && x.Start < horizon).ToDictionary(x => x.Id);
            var missing = windows.Where(w => !stored.ContainsKey(w.Id)).ToList();
            if (missing.Count == 0)
            {
                return (IReadOnlyList<ScheduleProblem>)[];
            }

            var firstMissing = missing[0].Start;
            var history = shifts.Find(x => x.Start < firstMissing, x => x.Start, descending: true, limit: 200)
                .OrderBy(x => x.Start).ToList();
            var plannedWindows = windows.Where(w => w.Start >= firstMissing).ToList();
            var keep = plannedWindows.Where(w => stored.ContainsKey(w.Id)).Select(w => stored[w.Id]).ToList();
            var first = DateOnly.FromDateTime(firstMissing.UtcDateTime).AddDays(-1);
            var timeOff = s.Set<TimeOff>().Find(t => t.To >= first && t.Approved);
            var plan = generator.Generate(new ScheduleRequest(plannedWindows, roster.Rotation(), history, timeOff, keep));
            foreach (var shift in plan.Shifts.Where(x => !stored.ContainsKey(x.Id)))
            {
                shifts.Upsert(shift);
            }

            return plan.Problems;
        });
    }

    public Shift? ShiftAt(DateTimeOffset instant) =>
        store.Set<Shift>().Find(x => x.Start <= instant && x.End > instant).FirstOrDefault();

    /// <summary>Stored shifts that overlap [from, to), in order.</summary>
    public IReadOnlyList<Shift> Shifts(DateTimeOffset from, DateTimeOffset to) =>
        [.. store.Set<Shift>().Find(x => x.End > from && x.Start < to).OrderBy(x => x.Start)];

    /// <summary>Active overrides that overlap [from, to).</summary>
    public IReadOnlyList<ScheduleOverride> Overrides(DateTimeOffset from, DateTimeOffset to) =>
        store.Set<ScheduleOverride>().Find(o => o.End > from && o.Start < to && o.CancelledAt == null);
}
