namespace TechFlow.OnCall.Slack.Events;

/// <summary>
/// How older builds remembered accepted event ids. Nothing writes it any more (deliveries are recorded as
/// <see cref="Core.Inbound.InboundWork"/>); the type stays so a store that still holds the collection can be
/// backed up, restored and migrated to PostgreSQL.
/// </summary>
public sealed record SlackEventReceipt
{
    public required string Id { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
