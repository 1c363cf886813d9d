using TechFlow.OnCall.Core.Calendar;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>Computes <see cref="WindowFacts"/> for many windows with one holiday lookup.</summary>
/// <remarks>A window touches a day when it covers any part of it, as <c>oncall schedule</c> marks it.</remarks>
public sealed class WindowFactsCalculator(TeamCalendar calendar, TeamClock clock)
{
    /// <summary>The last local date that <paramref name="window"/> covers any part of.</summary>
    public DateOnly LastDay(ShiftWindow window) => clock.LocalDate(window.End.AddTicks(-1));

    /// <summary>True when <paramref name="holiday"/> is one of the team's major holidays.</summary>
    public bool IsMajor(Holiday holiday) => calendar.IsMajor(holiday);

    /// <summary>The team-local date of <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => clock.LocalDate(instant);

    public IReadOnlyList<WindowFacts> For(IReadOnlyList<ShiftWindow> windows)
    {
        if (windows.Count == 0)
        {
            return [];
        }

        var first = windows.Min(w => w.LocalStart);
        var last = windows.Max(LastDay);
        var holidays = calendar.Holidays(first, last).ToLookup(h => h.Date);
        var investor = new Dictionary<(int Year, int Month), (DateOnly First, DateOnly Last)>();
        var result = new List<WindowFacts>(windows.Count);
        foreach (var window in windows)
        {
            var lastDay = LastDay(window);
            var inWindow = new List<Holiday>();
            var isInvestor = false;
            for (var day = window.LocalStart; day <= lastDay; day = day.AddDays(1))
            {
                inWindow.AddRange(holidays[day]);
                if (!investor.TryGetValue((day.Year, day.Month), out var period))
                {
                    period = calendar.InvestorPeriod(day.Year, day.Month);
                    investor[(day.Year, day.Month)] = period;
                }

                isInvestor |= day >= period.First && day <= period.Last;
            }

            result.Add(new WindowFacts(window, window.LocalStart, lastDay, inWindow, inWindow.Any(calendar.IsMajor), isInvestor));
        }

        return result;
    }
}
