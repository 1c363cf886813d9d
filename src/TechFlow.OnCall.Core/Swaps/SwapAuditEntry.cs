namespace TechFlow.OnCall.Core.Swaps;

/// <summary>One line of the swap audit trail: who did what to which request, and for whom.</summary>
public sealed record SwapAuditEntry
{
    /// <summary><c>{request id}:{action}</c>; each action happens at most once per request.</summary>
    public required string Id { get; init; }
    public required string RequestId { get; init; }
    /// <summary>requested, approved, declined, cancelled, expired, undone, taken.</summary>
    public required string Action { get; init; }
    public required string ActorId { get; init; }
    /// <summary>The person the actor acted for (a manager approving for the counterpart); null when for themselves.</summary>
    public string? OnBehalfOfId { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The people the request is about, for "history @someone".</summary>
    public List<string> People { get; init; } = [];
    public string Summary { get; init; } = "";
}
