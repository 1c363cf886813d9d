namespace TechFlow.OnCall.Slack.Events;

/// <summary>An event_id already accepted, so a retried delivery (even after a restart) is not answered twice.</summary>
public sealed record SlackEventReceipt
{
    public required string Id { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
