using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>One planned shift as it really is: its window, who was planned, and each role's slices in order.</summary>
/// <param name="Id">The shift id: its local start date, <c>yyyy-MM-dd</c>.</param>
/// <param name="Primary">The primary role's slices, covering the window without gaps.</param>
/// <param name="Secondary">The secondary role's slices, covering the window without gaps.</param>
public sealed record EffectiveShift(
    string Id,
    ShiftWindow Window,
    Engineer PlannedPrimary,
    Engineer PlannedSecondary,
    IReadOnlyList<ScheduleSlice> Primary,
    IReadOnlyList<ScheduleSlice> Secondary)
{
    /// <summary>When the plan for this shift was made.</summary>
    public DateTimeOffset PlannedAt { get; init; }

    /// <summary>The generator that planned it (<c>fair</c>, <c>round-robin</c>, …).</summary>
    public string Source { get; init; } = "";

    /// <summary>True for a shift planned only for this answer (beyond the stored horizon), not stored.</summary>
    public bool Projected { get; init; }

    public DateTimeOffset Start => Window.Start;

    public DateTimeOffset End => Window.End;

    public IReadOnlyList<ScheduleSlice> Slices(ShiftRole role) => role == ShiftRole.Primary ? Primary : Secondary;

    /// <summary>Both roles' slices, in time order.</summary>
    public IEnumerable<ScheduleSlice> AllSlices() => Primary.Concat(Secondary).OrderBy(s => s.Start).ThenBy(s => s.Role);

    /// <summary>The slice of <paramref name="role"/> running at <paramref name="instant"/>, if the instant is in this shift.</summary>
    public ScheduleSlice? SliceAt(ShiftRole role, DateTimeOffset instant) => Slices(role).FirstOrDefault(s => s.Contains(instant));

    /// <summary>True when anyone other than the planned pair holds any part of it, or part of it is uncovered.</summary>
    public bool Differs => Primary.Concat(Secondary).Any(s => s.Differs);

    /// <summary>The stretches in which both roles stay with the same people: one for a plain week, more around a cover.</summary>
    public IReadOnlyList<ScheduleSegment> Segments()
    {
        var points = Primary.Concat(Secondary).SelectMany(s => new[] { s.Start, s.End }).Distinct().Order().ToList();
        var result = new List<ScheduleSegment>();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var primary = SliceAt(ShiftRole.Primary, points[i]);
            var secondary = SliceAt(ShiftRole.Secondary, points[i]);
            if (primary is not null && secondary is not null)
            {
                result.Add(new ScheduleSegment(points[i], points[i + 1], primary, secondary));
            }
        }

        return result;
    }

    /// <summary>
    /// Who worked <paramref name="role"/> for the largest part of the shift (null when it was mostly uncovered):
    /// the person a whole-shift count belongs to.
    /// </summary>
    public Engineer? WorkedBy(ShiftRole role) =>
        Slices(role)
            .GroupBy(s => s.HolderId ?? "")
            .Select(g => (Holder: g.First().Holder, Time: g.Sum(s => s.Duration.Ticks), First: g.Min(s => s.Start)))
            .OrderByDescending(x => x.Time).ThenBy(x => x.First)
            .First().Holder;

    /// <summary>
    /// The shift as it was worked, for the planner's history: each role under whoever held it for most of the shift
    /// (the planned person when it was mostly uncovered).
    /// </summary>
    internal Shift AsWorked() => new()
    {
        Id = Id,
        Start = Start,
        End = End,
        PrimaryId = WorkedBy(ShiftRole.Primary)?.Id ?? PlannedPrimary.Id,
        SecondaryId = WorkedBy(ShiftRole.Secondary)?.Id ?? PlannedSecondary.Id,
        PlannedAt = PlannedAt,
        Source = Source,
    };

    /// <summary>Who held <paramref name="role"/> at <paramref name="instant"/> (null when uncovered or outside the shift).</summary>
    public Engineer? HolderAt(ShiftRole role, DateTimeOffset instant) => SliceAt(role, instant)?.Holder;
}
