using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>
/// Keeps the stored plan ahead of time and plans past it on request. Planned shifts are an input: readers outside
/// the Schedule room go through <see cref="EffectiveSchedule"/>, never through the shifts read here.
/// </summary>
public sealed class ScheduleService(
    IOnCallStore store,
    ShiftCalendar calendar,
    TeamClock clock,
    IScheduleGenerator generator,
    RosterService roster,
    EffectiveSchedule effective)
{
    private const int HistoryShifts = 200;

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
            var history = WorkedHistory(s, shifts.Find(x => x.Start < firstMissing, x => x.Start, descending: true, limit: HistoryShifts));
            var plannedWindows = windows.Where(w => w.Start >= firstMissing).ToList();
            var keep = plannedWindows.Where(w => stored.ContainsKey(w.Id)).Select(w => stored[w.Id]).ToList();
            var plan = generator.Generate(new ScheduleRequest(plannedWindows, roster.Rotation(), history, TimeOffFrom(s, firstMissing), keep));
            foreach (var shift in plan.Shifts.Where(x => !stored.ContainsKey(x.Id)))
            {
                shifts.Upsert(shift);
            }

            return plan.Problems;
        });
    }

    /// <summary>
    /// The <paramref name="count"/> consecutive shifts that start on or after <paramref name="from"/> (team-local
    /// midnight), as they really are. Windows past the last stored shift are planned for this answer only (marked
    /// <see cref="EffectiveShift.Projected"/>, never stored), balanced so that the shifts returned are as even as the
    /// planner can make them; a window that was never planned before the stored ones is left out.
    /// </summary>
    public ScheduleRange Range(DateOnly from, int count)
    {
        var start = clock.ToInstant(from, TimeOnly.MinValue);
        var first = calendar.At(start);
        first = first.Start < start ? calendar.Next(first) : first;
        var windows = calendar.Windows(first.Start, count);
        var end = windows[^1].End;
        var stored = effective.Shifts(start, end).Where(s => s.Start >= start).ToDictionary(s => s.Id);
        var lastStored = store.Set<Shift>().Find(x => x.Start < end, x => x.Start, descending: true, limit: 1).FirstOrDefault();
        var tail = windows.Where(w => !stored.ContainsKey(w.Id) && (lastStored is null || w.Start > lastStored.Start)).ToList();
        var problems = new List<ScheduleProblem>();
        var result = windows.Where(w => stored.ContainsKey(w.Id)).Select(w => stored[w.Id]).ToList();
        if (tail.Count > 0)
        {
            var before = Shifts(start, tail[0].Start).Where(s => s.Start >= start || s.End == tail[0].Start).ToList();
            var history = WorkedHistory(store, before);
            var plan = generator.Generate(new ScheduleRequest(tail, roster.Rotation(), history, TimeOffFrom(store, tail[0].Start), []));
            problems.AddRange(plan.Problems);
            result.AddRange(effective.Apply(store, plan.Shifts).Select(s => s with { Projected = true }));
        }

        var missing = windows.Count(w => !result.Any(s => s.Id == w.Id));
        return new ScheduleRange([.. result.OrderBy(s => s.Start)], problems, missing - problems.Count);
    }

    public Shift? ShiftAt(DateTimeOffset instant) =>
        store.Set<Shift>().Find(x => x.Start <= instant && x.End > instant).FirstOrDefault();

    /// <summary>Stored shifts that overlap [from, to), in order.</summary>
    public IReadOnlyList<Shift> Shifts(DateTimeOffset from, DateTimeOffset to) =>
        [.. store.Set<Shift>().Find(x => x.End > from && x.Start < to).OrderBy(x => x.Start)];

    /// <summary>Active overrides that overlap [from, to).</summary>
    public IReadOnlyList<ScheduleOverride> Overrides(DateTimeOffset from, DateTimeOffset to) =>
        store.Set<ScheduleOverride>().Find(o => o.End > from && o.Start < to && o.CancelledAt == null);

    /// <summary>Past shifts as they were worked (swaps, covers and time off applied), oldest first, for the planner.</summary>
    internal IReadOnlyList<Shift> WorkedHistory(IStoreSets sets, IReadOnlyList<Shift> planned) =>
        [.. effective.Apply(sets, planned).Select(s => s.AsWorked())];

    private IReadOnlyList<TimeOff> TimeOffFrom(IStoreSets sets, DateTimeOffset from)
    {
        var first = clock.LocalDate(from).AddDays(-1);
        return sets.Set<TimeOff>().Find(t => t.To >= first && t.Approved);
    }
}
