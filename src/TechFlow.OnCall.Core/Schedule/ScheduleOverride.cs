namespace TechFlow.OnCall.Core.Schedule;

/// <summary>Replaces whoever holds <see cref="Role"/> with <see cref="EngineerId"/> for [Start, End).</summary>
/// <remarks>When overrides overlap, the most recently created active one wins.</remarks>
public sealed record ScheduleOverride
{
    public required string Id { get; init; }
    public DateTimeOffset Start { get; init; }
    public DateTimeOffset End { get; init; }
    public ShiftRole Role { get; init; }
    public required string EngineerId { get; init; }
    /// <summary>Who held the role before (for display and undo).</summary>
    public string? ReplacesId { get; init; }
    public string Reason { get; init; } = "";
    /// <summary>A swap or a cover; the effective schedule gives it as the reason a slice differs from the plan.</summary>
    public OverrideKind Kind { get; init; }
    /// <summary>The swap or cover request that created it, if any.</summary>
    public string? SourceId { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }

    public bool IsActive => CancelledAt is null;
}
