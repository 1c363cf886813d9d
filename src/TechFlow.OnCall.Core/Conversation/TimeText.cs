using System.Globalization;
using Humanizer;
using TechFlow.OnCall.Core.Calendar;

namespace TechFlow.OnCall.Core.Conversation;

/// <summary>How the bot writes instants and durations: team-local, with a humanised distance.</summary>
public sealed class TimeText(TeamClock clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>"Friday 5:00 PM EST" within a week of <paramref name="now"/>, else "Fri Dec 4, 5:00 PM EST".</summary>
    public string Instant(DateTimeOffset instant, DateTimeOffset now) =>
        Instant(instant, now, clock.Zone, clock.ZoneAbbreviation(instant));

    /// <summary>The same, in another person's zone (for swap details).</summary>
    public static string Instant(DateTimeOffset instant, DateTimeOffset now, TimeZoneInfo zone, string? zoneLabel = null)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var label = zoneLabel ?? zone.StandardName;
        var distance = Math.Abs((instant - now).TotalDays);
        return distance < 6.5
            ? string.Create(English, $"{local:dddd h:mm tt} {label}")
            : string.Create(English, $"{local:ddd MMM d, h:mm tt} {label}");
    }

    /// <summary>"in 3 days", "in 2 hours", "5 minutes ago".</summary>
    public static string Relative(DateTimeOffset instant, DateTimeOffset now)
    {
        var span = instant - now;
        var text = span.Duration().Humanize(precision: 1, minUnit: TimeUnit.Minute, culture: English);
        return span >= TimeSpan.Zero ? $"in {text}" : $"{text} ago";
    }

    /// <summary>"until Friday 5:00 PM EST, in 3 days".</summary>
    public string Until(DateTimeOffset until, DateTimeOffset now) => $"until {Instant(until, now)}, {Relative(until, now)}";

    public static string Date(DateOnly date) => date.ToString("ddd MMM d, yyyy", English);

    public static string ShortDate(DateOnly date) => date.ToString("ddd MMM d", English);

    public static string Time(TimeOnly time) => time.ToString("h:mm tt", English);

    public static string Duration(TimeSpan span) =>
        span.Humanize(precision: 2, minUnit: TimeUnit.Minute, culture: English);
}
