using System.Globalization;
using System.Text.RegularExpressions;
using TechFlow.OnCall.Core.Calendar;

namespace TechFlow.OnCall.Core.Conversation;

/// <summary>
/// Reads "when" phrases in the team's zone: now, today, tonight, tomorrow, next week, a weekday, "next friday",
/// "in 3 days", an ISO date or date-time.
/// </summary>
/// <remarks>
/// A day without a time means noon local, well away from handoffs and daylight-saving changes. Only instants from
/// <see cref="FirstYear"/> to <see cref="LastYear"/> are times: "9999-12-31T23:59" is not one (it cannot be moved to
/// UTC, and no schedule reaches it).
/// </remarks>
public sealed partial class WhenParser(TeamClock clock)
{
    /// <summary>The first team-local year a time may fall in.</summary>
    public const int FirstYear = 2000;

    /// <summary>The last team-local year a time may fall in.</summary>
    public const int LastYear = 2199;

    private static readonly TimeOnly Noon = new(12, 0);

    /// <summary>Parses <paramref name="text"/> relative to <paramref name="now"/>; false when it is not a time.</summary>
    public bool TryParse(string text, DateTimeOffset now, out DateTimeOffset instant)
    {
        try
        {
            return TryParseAny(text, now, out instant) && clock.LocalDate(instant).Year is >= FirstYear and <= LastYear;
        }
        catch (ArgumentOutOfRangeException)
        {
            // A date at the edge of the calendar that cannot be moved between the team's zone and UTC.
            instant = now;
            return false;
        }
    }

    private bool TryParseAny(string text, DateTimeOffset now, out DateTimeOffset instant)
    {
        instant = now;
        var t = text.Trim().ToLowerInvariant().TrimEnd('?', '.', '!');
        t = LeadingWords().Replace(t, "");
        var today = clock.LocalDate(now);
        switch (t)
        {
            case "" or "now" or "right now" or "today" or "currently" or "this week":
                return true;
            case "tonight":
                instant = clock.ToInstant(today, new TimeOnly(22, 0));
                return true;
            case "tomorrow":
                instant = clock.ToInstant(today.AddDays(1), Noon);
                return true;
            case "yesterday":
                instant = clock.ToInstant(today.AddDays(-1), Noon);
                return true;
            case "next week":
                instant = now.AddDays(7);
                return true;
            case "this weekend" or "weekend" or "the weekend":
                instant = clock.ToInstant(NextWeekday(today, DayOfWeek.Saturday, includeToday: true), Noon);
                return true;
        }

        var inDays = InDays().Match(t);
        if (inDays.Success)
        {
            var n = int.Parse(inDays.Groups[1].Value, CultureInfo.InvariantCulture);
            instant = inDays.Groups[2].Value.StartsWith("week", StringComparison.Ordinal) ? now.AddDays(7 * n)
                : inDays.Groups[2].Value.StartsWith("hour", StringComparison.Ordinal) ? now.AddHours(n)
                : now.AddDays(n);
            return true;
        }

        var weekday = Weekday().Match(t);
        if (weekday.Success && Enum.TryParse<DayOfWeek>(weekday.Groups[2].Value, ignoreCase: true, out var dow)
            && TimeOrNoon(weekday.Groups[3].Value) is { } weekdayTime)
        {
            var date = NextWeekday(today, dow, includeToday: !weekday.Groups[1].Value.StartsWith("next", StringComparison.Ordinal));
            instant = clock.ToInstant(date, weekdayTime);
            return true;
        }

        if (DateTimeOffset.TryParseExact(t.ToUpperInvariant(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(t))
        {
            instant = withOffset.ToUniversalTime();
            return true;
        }

        if (DateTime.TryParseExact(t.ToUpperInvariant(), ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var localDateTime))
        {
            instant = clock.ToInstant(localDateTime);
            return true;
        }

        var dateAndTime = DateWithTime().Match(t);
        if (dateAndTime.Success
            && DateOnly.TryParseExact(dateAndTime.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var isoDate)
            && TimeOrNoon(dateAndTime.Groups[2].Value) is { } dateTime)
        {
            instant = clock.ToInstant(isoDate, dateTime);
            return true;
        }

        if (DateOnly.TryParseExact(t, ["MMM d", "MMMM d", "MMM d yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMMM d, yyyy", "M/d", "M/d/yyyy"],
                CultureInfo.GetCultureInfo("en-US"), DateTimeStyles.None, out var named))
        {
            if (!t.Any(char.IsDigit) || !YearPresent().IsMatch(t))
            {
                named = new DateOnly(today.Year, named.Month, named.Day);
                if (named < today.AddDays(-30))
                {
                    named = named.AddYears(1);
                }
            }

            instant = clock.ToInstant(named, Noon);
            return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> starts like an ISO date (so a failure to read it is about the time).</summary>
    public static bool LooksLikeIsoDate(string text) => IsoDateStart().IsMatch(text.Trim());

    private static bool HasOffset(string t) => t.EndsWith('z') || OffsetSuffix().IsMatch(t);

    /// <summary>Noon when no time was given; null when a time was given but is not one ("25pm").</summary>
    private static TimeOnly? TimeOrNoon(string text) => text.Trim().Length == 0 ? Noon : ParseTime(text);

    private static TimeOnly? ParseTime(string text)
    {
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (t.Length == 0)
        {
            return null;
        }

        string[] formats = ["H:mm", "HH:mm", "htt", "h:mmtt", "hhtt", "hh:mmtt"];
        return TimeOnly.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    private static DateOnly NextWeekday(DateOnly from, DayOfWeek day, bool includeToday)
    {
        var delta = ((int)day - (int)from.DayOfWeek + 7) % 7;
        if (delta == 0 && !includeToday)
        {
            delta = 7;
        }

        return from.AddDays(delta);
    }

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}")]
    private static partial Regex IsoDateStart();

    [GeneratedRegex(@"^(on|at|for|during|from)\s+")]
    private static partial Regex LeadingWords();

    [GeneratedRegex(@"^in\s+(\d{1,3})\s+(days?|weeks?|hours?)$")]
    private static partial Regex InDays();

    [GeneratedRegex(@"^(next\s+|this\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:at\s+)?(\d{1,2}(?::\d{2})?\s*(?:am|pm)?))?$")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?:\s+(?:at\s+)?(\d{1,2}(?::\d{2})?\s*(?:am|pm)?))?$")]
    private static partial Regex DateWithTime();

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex OffsetSuffix();

    [GeneratedRegex(@"\d{4}")]
    private static partial Regex YearPresent();
}
