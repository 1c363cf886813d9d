namespace TechFlow.OnCall.Core.Paging;

/// <summary>
/// A page: someone (a person in chat or a monitor through the API) needs the pipeline's on call now.
/// Every escalation decision is computed from this record, so a restart resumes where it left off.
/// </summary>
public sealed partial record Page
{
    /// <summary>Short opaque id people can type (<c>oncall ack k7m2qx</c>).</summary>
    public required string Id { get; init; }
    public required string PipelineId { get; init; }
    public required string Message { get; init; }
    /// <summary>Pipeline id and normalised message: a second page with the same key joins an open one.</summary>
    public required string DedupeKey { get; init; }
    public PageStatus Status { get; init; }
    /// <summary>The escalation level pinged last (1 = primary on call).</summary>
    public int Level { get; init; } = 1;
    /// <summary>How many times the last level has been repeated.</summary>
    public int Round { get; init; }
    public DateTimeOffset LevelStartedAt { get; init; }
    /// <summary>When the next level is due if nobody acknowledges; null once acknowledged or resolved.</summary>
    public DateTimeOffset? NextEscalationAt { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    /// <summary>An engineer id, a chat display name, or the API caller's source name.</summary>
    public string? OpenedBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ResolvedBy { get; init; }
    /// <summary><c>chat</c> or <c>api</c>.</summary>
    public string Source { get; init; } = "chat";
    /// <summary>Every ping, in order.</summary>
    public IReadOnlyList<PageNotification> Notifications { get; init; } = [];
    /// <summary>How many later pages joined this one instead of paging again.</summary>
    public int JoinCount { get; init; }

    /// <summary>Outbox key of the channel post for level 1, which acknowledgement and resolution update.</summary>
    public string ChannelKey => PageKeys.Channel(Id, 1);

    public TimeSpan? TimeToAcknowledge => AcknowledgedAt - OpenedAt;

    public TimeSpan? TimeToResolve => ResolvedAt - OpenedAt;
}
