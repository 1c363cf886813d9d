namespace TechFlow.OnCall.Core.Announcements;

/// <summary>A chat platform that delivers outbox messages (the Slack or Teams adapter).</summary>
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
}

/// <summary>What happened to one delivery attempt.</summary>
public abstract record DeliveryOutcome
{
    private DeliveryOutcome() { }

    /// <summary>Delivered; <paramref name="PlatformRef"/> identifies the posted message.</summary>
    public sealed record Sent(string? PlatformRef) : DeliveryOutcome;

    /// <summary>A transient failure (rate limit, 5xx, timeout): try again after <paramref name="After"/>.</summary>
    public sealed record Retry(TimeSpan After, string Error) : DeliveryOutcome;

    /// <summary>A permanent failure (for example the channel does not exist): give up, keep the error.</summary>
    public sealed record Failed(string Error) : DeliveryOutcome;
}
