using System.Globalization;

namespace TechFlow.OnCall.Core.Conversation.Commands;

/// <summary>Reads a date argument: an ISO date (2026-12-21) or a word WhenParser knows (today, tomorrow, friday).</summary>
public sealed class DateArgument(WhenParser when, Calendar.TeamClock clock)
{
    public bool TryParse(string text, DateTimeOffset now, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (text.Length > 0 && !char.IsDigit(text[0]) && when.TryParse(text, now, out var instant))
        {
            date = clock.LocalDate(instant);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>A year argument, or the current team-local year when <paramref name="words"/> is empty.</summary>
    public bool TryYear(IReadOnlyList<string> words, DateTimeOffset now, out int year)
    {
        year = clock.LocalDate(now).Year;
        return words.Count == 0
            || (int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100);
    }
}
