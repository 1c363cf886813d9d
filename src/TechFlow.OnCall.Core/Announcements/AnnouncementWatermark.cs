namespace TechFlow.OnCall.Core.Announcements;

/// <summary>The instant up to which announcements have been evaluated; the planner scans only after it.</summary>
public sealed record AnnouncementWatermark
{
    public const string Key = "announcements";

    public required string Id { get; init; }
    public DateTimeOffset EvaluatedUntil { get; init; }
}
