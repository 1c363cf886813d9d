using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>
/// A request to swap shifts or to have one covered. Approval writes <see cref="ScheduleOverride"/> records whose
/// <see cref="ScheduleOverride.SourceId"/> is this request's <see cref="Id"/>.
/// </summary>
public sealed partial record SwapRequest
{
    /// <summary>Short, opaque and unguessable enough for a button value: six characters.</summary>
    public required string Id { get; init; }
    public SwapKind Kind { get; init; }
    public SwapStatus Status { get; init; }
    /// <summary>The person whose shift is traded away.</summary>
    public required string RequesterId { get; init; }
    /// <summary>The person asked; null for an open cover until someone takes it.</summary>
    public string? CounterpartId { get; init; }
    /// <summary>Who typed the request: the requester, or a manager or admin acting on their behalf.</summary>
    public required string CreatedById { get; init; }
    public ShiftRole RequesterRole { get; init; }
    public DateTimeOffset RequesterStart { get; init; }
    public DateTimeOffset RequesterEnd { get; init; }
    /// <summary>For a swap: the counterpart's role and time given in return.</summary>
    public ShiftRole? CounterpartRole { get; init; }
    public DateTimeOffset? CounterpartStart { get; init; }
    public DateTimeOffset? CounterpartEnd { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>
    /// When nobody answered by then the request expires: the start of the earliest shift involved (the end of the slot
    /// for a cover opened for time off, which can be taken for the rest of it).
    /// </summary>
    public DateTimeOffset ExpiresAt { get; init; }
    /// <summary>When to remind the counterpart if still open (the next daily reminder, for a cover opened for time off).</summary>
    public DateTimeOffset RemindAt { get; init; }
    public DateTimeOffset? RemindedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    /// <summary>Who approved, declined, cancelled or took it.</summary>
    public string? DecidedById { get; init; }
    /// <summary>Set when a manager or admin decided for the person who should have: that person's id.</summary>
    public string? DecidedOnBehalfOfId { get; init; }
    public DateTimeOffset? UndoneAt { get; init; }
    public string? UndoneById { get; init; }
    /// <summary>Set on a cover the bot opened because this time off left a slot uncovered: it is reminded daily while open.</summary>
    public string? TimeOffId { get; init; }
    /// <summary>When to tell the engineering manager that the slot is still uncovered (48 hours before it starts); null for none.</summary>
    public DateTimeOffset? ManagerWarnAt { get; init; }
    public DateTimeOffset? ManagerWarnedAt { get; init; }
    /// <summary>Outbox keys of the messages that carry this request's buttons; outcomes update them in place.</summary>
    public List<string> MessageKeys { get; init; } = [];

    public SwapSlot RequesterSlot() => new(RequesterId, RequesterRole, RequesterStart, RequesterEnd);

    /// <summary>The slot the counterpart gives back (swaps only).</summary>
    public SwapSlot? CounterpartSlot() =>
        Kind == SwapKind.Swap && CounterpartId is { } id && CounterpartRole is { } role && CounterpartStart is { } start && CounterpartEnd is { } end
            ? new SwapSlot(id, role, start, end)
            : null;

    public IEnumerable<SwapSlot> Slots() => CounterpartSlot() is { } theirs ? [RequesterSlot(), theirs] : [RequesterSlot()];

    public bool Involves(string engineerId) => RequesterId == engineerId || CounterpartId == engineerId || CreatedById == engineerId;
}
