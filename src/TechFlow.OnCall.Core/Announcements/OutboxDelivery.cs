namespace TechFlow.OnCall.Core.Announcements;

/// <summary>The delivery of one outbox message through one chat platform (a "sink").</summary>
/// <remarks>
/// Pending → Sending → Sent, or Failed with a reason in <see cref="LastError"/>. Sending is committed before the
/// platform is called; a delivery found in Sending (left by a crash or an unanswered call) is reconciled with the
/// platform before it is sent again.
/// </remarks>
public sealed record OutboxDelivery
{
    /// <summary>Priority of page notifications: they go before everything else.</summary>
    public const int PagePriority = 0;

    /// <summary>Priority of announcements and every other message.</summary>
    public const int NormalPriority = 1;

    /// <summary><c>{sink}|{message id}</c>.</summary>
    public required string Id { get; init; }
    public required string Sink { get; init; }
    public required string MessageId { get; init; }
    public long Seq { get; init; }
    /// <summary>
    /// The destination (<c>{sink}|channel:{id}</c> or <c>{sink}|dm:{engineer}</c>). A lane is sent in
    /// (<see cref="Priority"/>, <see cref="Seq"/>) order, one message at a time, independently of other lanes;
    /// a rate-limited lane parks without holding up the others.
    /// </summary>
    public required string Lane { get; init; }
    /// <summary><see cref="PagePriority"/> or <see cref="NormalPriority"/>.</summary>
    public int Priority { get; init; } = NormalPriority;
    public DeliveryStatus Status { get; init; }
    public int Attempts { get; init; }
    /// <summary>Not before this instant: a backoff, a lane parked by a rate limit, or the message's own NotBefore.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }
    /// <summary>Why the last attempt did not succeed, or why the delivery failed.</summary>
    public string? LastError { get; init; }
    /// <summary>When the first attempt that may have reached the platform began; reconciliation looks from here.</summary>
    public DateTimeOffset? SendingSince { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    /// <summary>The platform's id of the posted message (Slack channel+ts, Teams activity id), for later updates.</summary>
    public string? PlatformRef { get; init; }
}

/// <summary>Where a delivery stands. The numbers are stored; do not renumber.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting to be sent (possibly after <see cref="OutboxDelivery.NextAttemptAt"/>).</summary>
    Pending = 0,
    /// <summary>Accepted by the platform.</summary>
    Sent = 1,
    /// <summary>Given up; <see cref="OutboxDelivery.LastError"/> says why.</summary>
    Failed = 2,
    /// <summary>A call to the platform began and its outcome is not known yet.</summary>
    Sending = 3,
}
