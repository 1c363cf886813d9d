namespace TechFlow.OnCall.Core.Announcements;

/// <summary>What happened to one delivery attempt.</summary>
public abstract record DeliveryOutcome
{
    private DeliveryOutcome() { }

    /// <summary>Delivered; <paramref name="PlatformRef"/> identifies the posted message.</summary>
    public sealed record Sent(string? PlatformRef) : DeliveryOutcome;

    /// <summary>
    /// Refused without effect (a rate limit): try again after <paramref name="After"/>. A positive
    /// <paramref name="After"/> parks the whole lane until then.
    /// </summary>
    public sealed record Retry(TimeSpan After, string Error) : DeliveryOutcome;

    /// <summary>
    /// No clear answer (a timeout, a dropped connection, a server error): the message may have been posted. The
    /// delivery stays in Sending and is reconciled before it is tried again after <paramref name="After"/>
    /// (zero: the dispatcher's backoff).
    /// </summary>
    public sealed record Uncertain(TimeSpan After, string Error) : DeliveryOutcome;

    /// <summary>A permanent failure (for example the channel does not exist): give up, keep the error.</summary>
    public sealed record Failed(string Error) : DeliveryOutcome;
}
