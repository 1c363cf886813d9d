namespace TechFlow.OnCall.Core.Calendar;

/// <summary>Configuration section <c>CalendarFeeds</c>: where the iCalendar feeds are reached from outside.</summary>
public sealed class CalendarFeedOptions
{
    public const string Section = "CalendarFeeds";

    /// <summary>The bot's public address as calendar apps reach it (behind the reverse proxy); feed links start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:3978/";

    /// <summary>The address of <paramref name="engineerId"/>'s feed (or the team's when null) with <paramref name="token"/>.</summary>
    public string FeedUrl(string? engineerId, string token) =>
        $"{PublicBaseUrl.TrimEnd('/')}/calendar/{engineerId ?? CalendarFeedTokens.Team}/{token}.ics";
}
