namespace TechFlow.OnCall.Core.Announcements;

/// <summary>A chat platform that delivers outbox messages (the Slack or Teams adapter).</summary>
/// <remarks>
/// Calls from different lanes run concurrently; an implementation must be thread-safe. It must not retry a call
/// that posts or changes something: it reports <see cref="DeliveryOutcome.Retry"/> or
/// <see cref="DeliveryOutcome.Uncertain"/> and the dispatcher decides when to try again.
/// </remarks>
public interface IChatDelivery
{
    /// <summary>Short stable name: <c>slack</c>, <c>teams</c>.</summary>
    string Name { get; }

    /// <summary>False when the platform is not configured; no deliveries are created for it then.</summary>
    bool IsEnabled { get; }

    /// <summary>
    /// Sends <paramref name="message"/>. <paramref name="updateRef"/> is the platform reference of the message to
    /// update when <see cref="OutboxMessage.Updates"/> is set and that message was delivered.
    /// </summary>
    Task<DeliveryOutcome> DeliverAsync(OutboxMessage message, string? updateRef, CancellationToken cancellationToken);

    /// <summary>
    /// Finds out whether an earlier attempt to send <paramref name="message"/>, begun at or after
    /// <paramref name="since"/>, reached the platform. Called before sending again a delivery left in Sending.
    /// </summary>
    Task<Reconciliation> ReconcileAsync(OutboxMessage message, string? updateRef, DateTimeOffset since, CancellationToken cancellationToken);
}
