namespace TechFlow.OnCall.Core.Calendar;

/// <summary>The eleven US federal holidays, computed by rule for any year, with their observed dates.</summary>
public static class UsFederalHolidays
{
    public static IReadOnlyList<Holiday> For(int year)
    {
        var list = new List<Holiday>
        {
            Fixed("New Year's Day", year, 1, 1),
            Nth("Martin Luther King Jr. Day", year, 1, DayOfWeek.Monday, 3),
            Nth("Washington's Birthday", year, 2, DayOfWeek.Monday, 3),
            Last("Memorial Day", year, 5, DayOfWeek.Monday),
            Fixed("Juneteenth", year, 6, 19),
            Fixed("Independence Day", year, 7, 4),
            Nth("Labor Day", year, 9, DayOfWeek.Monday, 1),
            Nth("Columbus Day", year, 10, DayOfWeek.Monday, 2),
            Fixed("Veterans Day", year, 11, 11),
            Nth("Thanksgiving", year, 11, DayOfWeek.Thursday, 4),
            Fixed("Christmas Day", year, 12, 25),
        };
        return list;
    }

    /// <summary>Federal holidays whose observed date falls in [from, to] (New Year's Day may be observed the December before).</summary>
    public static IEnumerable<Holiday> Between(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year + 1; year++)
        {
            foreach (var holiday in For(year))
            {
                if (holiday.Date >= from && holiday.Date <= to)
                {
                    yield return holiday;
                }
            }
        }
    }

    private static Holiday Fixed(string name, int year, int month, int day)
    {
        var actual = new DateOnly(year, month, day);
        var observed = actual.DayOfWeek switch
        {
            DayOfWeek.Saturday => actual.AddDays(-1),
            DayOfWeek.Sunday => actual.AddDays(1),
            _ => actual,
        };
        return Make(name, observed, actual);
    }

    private static Holiday Nth(string name, int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        var date = first.AddDays(offset + (7 * (n - 1)));
        return Make(name, date, date);
    }

    private static Holiday Last(string name, int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)day + 7) % 7;
        var date = last.AddDays(-offset);
        return Make(name, date, date);
    }

    private static Holiday Make(string name, DateOnly observed, DateOnly actual) =>
        new() { Id = $"us:{actual:yyyy-MM-dd}", Name = name, Date = observed, Actual = actual };
}
