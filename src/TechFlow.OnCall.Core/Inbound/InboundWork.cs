namespace TechFlow.OnCall.Core.Inbound;

/// <summary>
/// Something a platform delivered (an event, a button press) that the bot acknowledged and still has to act on,
/// stored in the same unit of work that recognises the delivery, so it is never lost and never processed twice.
/// </summary>
/// <remarks>
/// <see cref="Id"/> is the platform's own id for the delivery (for example <c>slack-event:Ev123</c>): a retried
/// delivery finds it and is acknowledged without new work. <see cref="NextAttemptAt"/> is both the retry time and
/// the lease of the process working on it, so work a crashed process held is taken up again once the lease ends.
/// </remarks>
public sealed record InboundWork
{
    public required string Id { get; init; }
    /// <summary>Which <see cref="IInboundWorkProcessor"/> acts on it (<c>slack-event</c>, <c>slack-action</c>).</summary>
    public required string Kind { get; init; }
    /// <summary>What the platform sent, as the processor needs it (usually the JSON it came in).</summary>
    public required string Payload { get; init; }
    public InboundWorkState State { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    /// <summary>How many times a process started working on it.</summary>
    public int Attempts { get; init; }
    /// <summary>Pending: not to be started before this instant (a retry's wait, or a running attempt's lease).</summary>
    public DateTimeOffset NextAttemptAt { get; init; }
    /// <summary>The process that last started it.</summary>
    public string? ClaimedBy { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? LastError { get; init; }
}

/// <summary>Where a piece of inbound work stands.</summary>
public enum InboundWorkState
{
    /// <summary>Accepted, not finished: waiting, running, or left by a crash and due again when its lease ends.</summary>
    Pending,
    /// <summary>The processor finished it.</summary>
    Done,
    /// <summary>Every attempt failed; the reason is in <see cref="InboundWork.LastError"/>.</summary>
    Failed,
}
