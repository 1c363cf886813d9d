using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>
/// One role inside one planned shift, held by one person (or nobody) for [<see cref="Start"/>, <see cref="End"/>):
/// who really holds it, who was planned, and why they differ.
/// </summary>
/// <remarks>A slice never crosses a handoff: consecutive shifts are separate slices even when one person holds both.</remarks>
public sealed record ScheduleSlice
{
    /// <summary>The planned shift this slice belongs to (its local start date).</summary>
    public required string ShiftId { get; init; }
    /// <summary>The whole window of that shift.</summary>
    public required ShiftWindow Window { get; init; }
    public ShiftRole Role { get; init; }
    public DateTimeOffset Start { get; init; }
    /// <summary>When this slice ends: the handoff, or the instant someone else takes the role.</summary>
    public DateTimeOffset End { get; init; }
    /// <summary>Who really holds the role; null when it is uncovered (the person who should hold it is away or left).</summary>
    public Engineer? Holder { get; init; }
    /// <summary>Who the plan named (a stand-in record carrying only the id when they are no longer on the roster).</summary>
    public required Engineer Planned { get; init; }
    public SliceReason Reason { get; init; }
    /// <summary>The swap or cover that put <see cref="Holder"/> there (or that failed to, when its person is away).</summary>
    public ScheduleOverride? Override { get; init; }
    /// <summary>
    /// The person who would hold it but cannot: on time off or gone from the team. For an uncovered slice, the
    /// person who should be there; for a covered one, the planned person when they are away.
    /// </summary>
    public Engineer? Away { get; init; }

    /// <summary>Until when this slice holds (its end).</summary>
    public DateTimeOffset Until => End;

    /// <summary>True when nobody holds the role.</summary>
    public bool IsUncovered => Holder is null;

    /// <summary>True when someone other than the planned person holds it.</summary>
    public bool Differs => Reason != SliceReason.Planned;

    public TimeSpan Duration => End - Start;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The holder's id, or null when uncovered.</summary>
    public string? HolderId => Holder?.Id;
}
