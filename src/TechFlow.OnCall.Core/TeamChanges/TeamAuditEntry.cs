namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>One line of the team's audit trail: who changed the team, what, and when (shown by <c>oncall history</c>).</summary>
public sealed record TeamAuditEntry
{
    /// <summary><c>team:{change id}</c>, or <c>reseed:{time}:{engineer}</c>: each change is audited once.</summary>
    public required string Id { get; init; }
    /// <summary>joined, left, rejoined, edited, linked, reseeded.</summary>
    public required string Action { get; init; }
    public required string ActorId { get; init; }
    /// <summary>The engineer the change is about.</summary>
    public string? SubjectId { get; init; }
    public DateTimeOffset At { get; init; }
    public string Summary { get; init; } = "";
}
