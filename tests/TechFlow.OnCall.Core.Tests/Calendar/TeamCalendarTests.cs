using System.Globalization;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;

namespace TechFlow.OnCall.Core.Tests.Calendar;

public sealed class TeamCalendarTests : IDisposable
{
    private readonly LiteDbStore _store = new(":memory:");

    [Theory]
    [InlineData(2026, 11, "2026-11-23", "2026-11-30")] // skips Thanksgiving (Thu 26th)
    [InlineData(2026, 12, "2026-12-24", "2026-12-31")] // skips Christmas (Fri 25th)
    [InlineData(2026, 5, "2026-05-22", "2026-05-29")] // month ends on Sunday; skips Memorial Day (Mon 25th)
    [InlineData(2026, 2, "2026-02-23", "2026-02-27")]
    [InlineData(2021, 12, "2021-12-23", "2021-12-30")] // skips Christmas observed (Fri 24th) and New Year 2022 observed (Fri 31st)
    [InlineData(2027, 7, "2027-07-26", "2027-07-30")]
    public void InvestorPeriod_Month_IsLastFiveBusinessDays(int year, int month, string first, string last)
    {
        var calendar = new TeamCalendar(_store, new TeamSettings());

        var period = calendar.InvestorPeriod(year, month);

        Assert.Equal((Date(first), Date(last)), period);
    }

    [Fact]
    public void InvestorPeriod_CompanyHoliday_IsSkipped()
    {
        Store.Write(tx => tx.Set<Holiday>().Upsert(new Holiday { Id = "company:2026-02-27", Name = "Offsite", Date = Date("2026-02-27"), Actual = Date("2026-02-27"), IsCompany = true }));
        var calendar = new TeamCalendar(_store, new TeamSettings());

        var period = calendar.InvestorPeriod(2026, 2);

        Assert.Equal((Date("2026-02-20"), Date("2026-02-26")), period);
        Assert.False(calendar.IsBusinessDay(Date("2026-02-27")));
    }

    [Theory]
    [InlineData(3, 2026, 11, "2026-11-25", "2026-11-30")]
    [InlineData(1, 2026, 11, "2026-11-30", "2026-11-30")]
    public void InvestorPeriod_ConfiguredLength_CountsThatManyBusinessDays(int days, int year, int month, string first, string last)
    {
        var calendar = new TeamCalendar(_store, new TeamSettings { InvestorPeriodBusinessDays = days });

        Assert.Equal((Date(first), Date(last)), calendar.InvestorPeriod(year, month));
    }

    [Theory]
    [InlineData("2026-11-20", false)]
    [InlineData("2026-11-23", true)]
    [InlineData("2026-11-26", true)] // Thanksgiving lies inside the period's span
    [InlineData("2026-11-30", true)]
    [InlineData("2026-12-01", false)]
    public void IsInvestorPeriod_Day_IsWithinThePeriodSpan(string day, bool expected)
    {
        var calendar = new TeamCalendar(_store, new TeamSettings());

        Assert.Equal(expected, calendar.IsInvestorPeriod(Date(day)));
    }

    [Theory]
    [InlineData("2026-11-26", false)] // Thanksgiving
    [InlineData("2026-11-28", false)] // Saturday
    [InlineData("2026-07-03", false)] // Independence Day observed
    [InlineData("2026-11-27", true)]
    public void IsBusinessDay_Day_ExcludesWeekendsAndHolidays(string day, bool expected)
    {
        var calendar = new TeamCalendar(_store, new TeamSettings());

        Assert.Equal(expected, calendar.IsBusinessDay(Date(day)));
    }

    [Fact]
    public void IsMajor_ConfiguredNames_MatchIgnoringCase()
    {
        var calendar = new TeamCalendar(_store, new TeamSettings { MajorHolidays = ["thanksgiving"] });
        var holidays = calendar.Holidays(Date("2026-11-01"), Date("2026-11-30"));

        Assert.Equal(["Veterans Day", "Thanksgiving"], holidays.Select(h => h.Name));
        Assert.True(calendar.IsMajor(holidays[1]));
        Assert.False(calendar.IsMajor(holidays[0]));
    }

    private IOnCallStore Store => _store;

    public void Dispose() => _store.Dispose();

    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);
}
