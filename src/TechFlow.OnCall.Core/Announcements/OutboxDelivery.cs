namespace TechFlow.OnCall.Core.Announcements;

/// <summary>The delivery of one outbox message through one chat platform (a "sink").</summary>
public sealed record OutboxDelivery
{
    /// <summary><c>{sink}|{message id}</c>.</summary>
    public required string Id { get; init; }
    public required string Sink { get; init; }
    public required string MessageId { get; init; }
    public long Seq { get; init; }
    /// <summary>Deliveries in one lane (sink + destination) go out strictly in <see cref="Seq"/> order.</summary>
    public required string Lane { get; init; }
    public DeliveryStatus Status { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    /// <summary>The platform's id of the posted message (Slack channel+ts, Teams activity id), for later updates.</summary>
    public string? PlatformRef { get; init; }
}

public enum DeliveryStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}
