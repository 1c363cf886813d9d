namespace TechFlow.OnCall.Core.Announcements;

/// <summary>An announcement that was due while the bot was down and found too late to post (past its grace window).</summary>
public sealed record SkippedAnnouncement
{
    /// <summary>The outbox key it would have had.</summary>
    public required string Id { get; init; }
    public string Kind { get; init; } = "";
    public DateTimeOffset Due { get; init; }
    public DateTimeOffset SkippedAt { get; init; }
}
