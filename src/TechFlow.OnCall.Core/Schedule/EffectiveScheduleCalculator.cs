using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>
/// The effective schedule as a pure function of its inputs: planned shifts, with swaps and covers, approved time
/// off and roster changes applied. No store, no clock: the same inputs always give the same slices, so a caller may
/// hold the inputs in memory and recompute after every commit.
/// </summary>
/// <remarks>
/// Per shift and role: the time is cut at every override edge and at the edges of the time off (whole team-local
/// days, from 00:00) and leaving dates of everyone involved. In each piece the most recently created active override
/// covering it names who should hold the role, else the plan does; when that person is away or gone the piece is
/// uncovered. Adjacent pieces that read the same are merged.
/// </remarks>
public static class EffectiveScheduleCalculator
{
    private static readonly DateTimeOffset Forever = DateTimeOffset.MaxValue;

    /// <summary>Every input shift as it really is, in start order.</summary>
    public static IReadOnlyList<EffectiveShift> Compute(ScheduleInputs inputs, TimeZoneInfo zone)
    {
        var engineers = inputs.Engineers.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First());
        var absences = Absences(inputs, engineers, zone);
        var overrides = inputs.Overrides.Where(o => o.IsActive && o.End > o.Start).ToList();
        return
        [
            .. inputs.Shifts.OrderBy(s => s.Start).Select(shift => new EffectiveShift(
                shift.Id,
                shift.Window,
                Person(engineers, shift.PrimaryId),
                Person(engineers, shift.SecondaryId),
                Slices(shift, ShiftRole.Primary, overrides, engineers, absences),
                Slices(shift, ShiftRole.Secondary, overrides, engineers, absences))
            {
                PlannedAt = shift.PlannedAt,
                Source = shift.Source,
            }),
        ];
    }

    /// <summary>Ids of the engineers who are away (approved time off) or gone from the team at <paramref name="instant"/>.</summary>
    public static IReadOnlySet<string> AwayAt(ScheduleInputs inputs, TimeZoneInfo zone, DateTimeOffset instant)
    {
        var engineers = inputs.Engineers.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First());
        var away = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in inputs.TimeOff.Where(t => t.Approved))
        {
            if (DayStart(t.From, zone) <= instant && instant < DayStart(t.To.AddDays(1), zone))
            {
                away.Add(t.EngineerId);
            }
        }

        foreach (var e in engineers.Values.Where(e => e.LeftOn is { } left && DayStart(left, zone) <= instant))
        {
            away.Add(e.Id);
        }

        return away;
    }

    private static List<ScheduleSlice> Slices(
        Shift shift,
        ShiftRole role,
        List<ScheduleOverride> overrides,
        Dictionary<string, Engineer> engineers,
        Dictionary<string, List<Absence>> absences)
    {
        var planned = shift.Assigned(role);
        var mine = overrides.Where(o => o.Role == role && o.Start < shift.End && o.End > shift.Start).ToList();
        var points = new SortedSet<DateTimeOffset> { shift.Start, shift.End };
        foreach (var o in mine)
        {
            points.Add(Clip(o.Start, shift));
            points.Add(Clip(o.End, shift));
        }

        foreach (var id in mine.Select(o => o.EngineerId).Append(planned).Distinct())
        {
            foreach (var a in Of(absences, engineers, id))
            {
                points.Add(Clip(a.Start, shift));
                points.Add(Clip(a.End, shift));
            }
        }

        var result = new List<ScheduleSlice>();
        var edges = points.ToList();
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            var slice = Piece(shift, role, planned, edges[i], edges[i + 1], mine, engineers, absences);
            if (result.Count > 0 && SameStory(result[^1], slice))
            {
                result[^1] = result[^1] with { End = slice.End };
            }
            else
            {
                result.Add(slice);
            }
        }

        return result;
    }

    private static ScheduleSlice Piece(
        Shift shift,
        ShiftRole role,
        string planned,
        DateTimeOffset start,
        DateTimeOffset end,
        List<ScheduleOverride> overrides,
        Dictionary<string, Engineer> engineers,
        Dictionary<string, List<Absence>> absences)
    {
        var active = overrides
            .Where(o => o.Start <= start && o.End > start)
            .OrderByDescending(o => o.CreatedAt)
            .ThenByDescending(o => o.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (active?.EngineerId == planned)
        {
            active = null;
        }

        var assigned = active?.EngineerId ?? planned;
        var plannedPerson = Person(engineers, planned);
        var slice = new ScheduleSlice
        {
            ShiftId = shift.Id,
            Window = shift.Window,
            Role = role,
            Start = start,
            End = end,
            Planned = plannedPerson,
            Override = active,
        };
        if (AbsentAt(absences, engineers, assigned, start) is { } why)
        {
            return slice with { Holder = null, Reason = why, Away = Person(engineers, assigned) };
        }

        if (active is null)
        {
            return slice with { Holder = plannedPerson, Reason = SliceReason.Planned };
        }

        return slice with
        {
            Holder = Person(engineers, assigned),
            Reason = active.Kind == OverrideKind.Swap ? SliceReason.Swap : SliceReason.Cover,
            Away = AbsentAt(absences, engineers, planned, start) is null ? null : plannedPerson,
        };
    }

    private static bool SameStory(ScheduleSlice a, ScheduleSlice b) =>
        a.End == b.Start && a.HolderId == b.HolderId && a.Reason == b.Reason && a.Override?.Id == b.Override?.Id && a.Away?.Id == b.Away?.Id;

    private static SliceReason? AbsentAt(Dictionary<string, List<Absence>> absences, Dictionary<string, Engineer> engineers, string id, DateTimeOffset at)
    {
        var hits = Of(absences, engineers, id).Where(a => a.Start <= at && a.End > at).ToList();
        return hits.Count == 0 ? null : hits.Any(a => a.Reason == SliceReason.LeftTeam) ? SliceReason.LeftTeam : SliceReason.TimeOff;
    }

    private static List<Absence> Of(Dictionary<string, List<Absence>> absences, Dictionary<string, Engineer> engineers, string id) =>
        absences.TryGetValue(id, out var list) ? list
        : engineers.ContainsKey(id) ? []
        : [new Absence(DateTimeOffset.MinValue, Forever, SliceReason.LeftTeam)];

    /// <summary>When each engineer cannot hold a role: approved time off, and from the day they left (or always, when out of the rotation).</summary>
    private static Dictionary<string, List<Absence>> Absences(ScheduleInputs inputs, Dictionary<string, Engineer> engineers, TimeZoneInfo zone)
    {
        var result = new Dictionary<string, List<Absence>>(StringComparer.Ordinal);
        void Add(string id, Absence a)
        {
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = [];
            }

            list.Add(a);
        }

        foreach (var t in inputs.TimeOff.Where(t => t.Approved && t.To >= t.From))
        {
            Add(t.EngineerId, new Absence(DayStart(t.From, zone), DayStart(t.To.AddDays(1), zone), SliceReason.TimeOff));
        }

        foreach (var e in engineers.Values)
        {
            if (!e.InRotation)
            {
                Add(e.Id, new Absence(DateTimeOffset.MinValue, Forever, SliceReason.LeftTeam));
            }
            else if (e.LeftOn is { } left)
            {
                Add(e.Id, new Absence(DayStart(left, zone), Forever, SliceReason.LeftTeam));
            }
        }

        return result;
    }

    private static DateTimeOffset DayStart(DateOnly day, TimeZoneInfo zone) => TeamClock.ToInstant(day.ToDateTime(TimeOnly.MinValue), zone);

    private static DateTimeOffset Clip(DateTimeOffset instant, Shift shift) =>
        instant < shift.Start ? shift.Start : instant > shift.End ? shift.End : instant;

    private static Engineer Person(Dictionary<string, Engineer> engineers, string id) =>
        engineers.TryGetValue(id, out var e) ? e : new Engineer { Id = id, Name = id, InRotation = false };

    private readonly record struct Absence(DateTimeOffset Start, DateTimeOffset End, SliceReason Reason);
}
