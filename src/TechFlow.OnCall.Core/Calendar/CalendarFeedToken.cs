namespace TechFlow.OnCall.Core.Calendar;

/// <summary>The secret in the address of one iCalendar feed: an engineer's own, or the team's.</summary>
public sealed record CalendarFeedToken
{
    /// <summary><c>engineer:{id}</c> or <c>team</c>.</summary>
    public required string Id { get; init; }

    /// <summary>32 random bytes, base64url: the last segment of the feed's address.</summary>
    public required string Token { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
