using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>
/// A message the bot sends on its own (announcement, reminder, page), stored before it is sent.
/// <see cref="Id"/> is its unique key (for example <c>handoff:2026-11-27</c>): enqueuing the same key twice
/// keeps the first, so a retried job never posts twice.
/// </summary>
public sealed record OutboxMessage
{
    public required string Id { get; init; }
    /// <summary>Order of enqueueing; messages to one destination are delivered in this order.</summary>
    public long Seq { get; init; }
    /// <summary>What kind of message: handoff-reminder, shift-start, investor-period, holiday, page, swap, …</summary>
    public string Kind { get; init; } = "";
    /// <summary>An engineer id for a direct message; null for a channel post.</summary>
    public string? DirectTo { get; init; }
    /// <summary>A channel override for channel posts (a pipeline's channel); null for the team channel.</summary>
    public string? Channel { get; init; }
    public required Reply Reply { get; init; }
    /// <summary>When set, update the message that was sent for this earlier key instead of posting anew.</summary>
    public string? Updates { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Do not deliver before this instant.</summary>
    public DateTimeOffset NotBefore { get; init; }
}
