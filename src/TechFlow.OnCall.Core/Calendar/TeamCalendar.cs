using TechFlow.OnCall.Core.ReadModel;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Calendar;

/// <summary>Holidays (federal by rule plus stored company days), business days and the month-end investor period.</summary>
/// <remarks>Reads the in-memory <see cref="OnCallReadModel"/> when there is one (outside a unit of work), else the store.</remarks>
public sealed class TeamCalendar(IOnCallStore store, TeamSettings settings, OnCallReadModel? readModel = null)
{
    /// <summary>Federal and company holidays observed in [from, to], by date.</summary>
    public IReadOnlyList<Holiday> Holidays(DateOnly from, DateOnly to)
    {
        var company = readModel?.TryCurrent() is { } model
            ? model.CompanyHolidays.Where(h => h.Date >= from && h.Date <= to)
            : store.Set<Holiday>().Find(h => h.Date >= from && h.Date <= to);
        return [.. UsFederalHolidays.Between(from, to).Concat(company).OrderBy(h => h.Date)];
    }

    public bool IsMajor(Holiday holiday) =>
        settings.MajorHolidays.Any(m => string.Equals(m, holiday.Name, StringComparison.OrdinalIgnoreCase));

    public bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && Holidays(day, day).Count == 0;

    /// <summary>The investor period of a month: its last N business days (first and last day, inclusive).</summary>
    public (DateOnly First, DateOnly Last) InvestorPeriod(int year, int month) =>
        readModel?.TryCurrent() is { } model
            ? model.Memo((Key: "investor-period", year, month), m => ComputeInvestorPeriod(m.year, m.month))
            : ComputeInvestorPeriod(year, month);

    private (DateOnly First, DateOnly Last) ComputeInvestorPeriod(int year, int month)
    {
        var lastDay = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var holidays = Holidays(lastDay.AddDays(-40), lastDay).Select(h => h.Date).ToHashSet();
        var count = 0;
        var day = lastDay;
        DateOnly? last = null;
        DateOnly first = lastDay;
        while (count < Math.Max(1, settings.InvestorPeriodBusinessDays))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day))
            {
                last ??= day;
                first = day;
                count++;
            }

            day = day.AddDays(-1);
        }

        return (first, last ?? lastDay);
    }

    /// <summary>True when <paramref name="day"/> lies within its month's investor period.</summary>
    public bool IsInvestorPeriod(DateOnly day)
    {
        var (first, last) = InvestorPeriod(day.Year, day.Month);
        return day >= first && day <= last;
    }

    public IReadOnlyList<TimeOff> TimeOff(DateOnly from, DateOnly to) =>
        readModel?.TryCurrent() is { } model
            ? [.. model.Schedule.TimeOff.Where(t => t.From <= to && t.To >= from)]
            : store.Set<TimeOff>().Find(t => t.From <= to && t.To >= from && t.Approved);
}
