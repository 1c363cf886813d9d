namespace TechFlow.OnCall.Core.Announcements;

/// <summary>What one planner pass did: the outbox keys it enqueued and the announcements it skipped as too old.</summary>
public sealed record AnnouncementRun(IReadOnlyList<string> Posted, IReadOnlyList<SkippedAnnouncement> Skipped)
{
    public static AnnouncementRun Empty { get; } = new([], []);
}
