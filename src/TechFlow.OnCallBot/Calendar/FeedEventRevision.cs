namespace TechFlow.OnCallBot.Calendar;

/// <summary>
/// What a feed last published under one UID: its content (by hash and in full, to publish a cancellation), its
/// SEQUENCE and when it last changed. Stored so that a changed event keeps its UID with a higher SEQUENCE, and an
/// event that disappears is published as cancelled while the feed still reaches back to it.
/// </summary>
public sealed record FeedEventRevision
{
    /// <summary>The event's UID.</summary>
    public required string Id { get; init; }
    /// <summary><c>team</c>, or the engineer id of a personal feed.</summary>
    public required string Feed { get; init; }
    public string Hash { get; init; } = "";
    public int Sequence { get; init; }
    public DateTimeOffset LastModified { get; init; }
    public DateTimeOffset Start { get; init; }
    public DateTimeOffset End { get; init; }
    public string Summary { get; init; } = "";
    public string Description { get; init; } = "";
    public bool Cancelled { get; init; }
}
