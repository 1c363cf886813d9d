namespace TechFlow.OnCallBot.Calendar;

/// <summary>An event with its revision: what the feed serialises.</summary>
public sealed record PublishedEvent(FeedEvent Event, int Sequence, DateTimeOffset LastModified, bool Cancelled);
