namespace TechFlow.OnCallBot.Calendar;

/// <summary>One calendar event as a feed shows it now, before revision state is added.</summary>
public sealed record FeedEvent(string Uid, DateTimeOffset Start, DateTimeOffset End, string Summary, string Description);
