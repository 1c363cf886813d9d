using System.Globalization;
using TechFlow.OnCall.Core.Calendar;

namespace TechFlow.OnCall.Core.Tests.Calendar;

public class UsFederalHolidaysTests
{
    [Theory]
    [InlineData(2026, "New Year's Day", "2026-01-01", "2026-01-01")]
    [InlineData(2026, "Martin Luther King Jr. Day", "2026-01-19", "2026-01-19")]
    [InlineData(2026, "Washington's Birthday", "2026-02-16", "2026-02-16")]
    [InlineData(2026, "Memorial Day", "2026-05-25", "2026-05-25")]
    [InlineData(2026, "Juneteenth", "2026-06-19", "2026-06-19")]
    [InlineData(2026, "Independence Day", "2026-07-03", "2026-07-04")] // Saturday → Friday
    [InlineData(2026, "Labor Day", "2026-09-07", "2026-09-07")]
    [InlineData(2026, "Columbus Day", "2026-10-12", "2026-10-12")]
    [InlineData(2026, "Veterans Day", "2026-11-11", "2026-11-11")]
    [InlineData(2026, "Thanksgiving", "2026-11-26", "2026-11-26")]
    [InlineData(2026, "Christmas Day", "2026-12-25", "2026-12-25")]
    [InlineData(2027, "Independence Day", "2027-07-05", "2027-07-04")] // Sunday → Monday
    [InlineData(2027, "Christmas Day", "2027-12-24", "2027-12-25")] // Saturday → Friday
    [InlineData(2022, "New Year's Day", "2021-12-31", "2022-01-01")] // Saturday → the Friday before, in the previous year
    [InlineData(2027, "Juneteenth", "2027-06-18", "2027-06-19")]
    [InlineData(2028, "Memorial Day", "2028-05-29", "2028-05-29")]
    [InlineData(2028, "Thanksgiving", "2028-11-23", "2028-11-23")]
    public void For_Year_GivesObservedAndActualDates(int year, string name, string observed, string actual)
    {
        var holiday = Assert.Single(UsFederalHolidays.For(year), h => h.Name == name);

        Assert.Equal(Date(observed), holiday.Date);
        Assert.Equal(Date(actual), holiday.Actual);
    }

    [Fact]
    public void For_AnyYear_HasElevenHolidaysOnWeekdays()
    {
        for (var year = 2020; year <= 2040; year++)
        {
            var holidays = UsFederalHolidays.For(year);

            Assert.Equal(11, holidays.Count);
            Assert.All(holidays, h => Assert.True(h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{h.Name} {h.Date}"));
            Assert.Equal(holidays.Count, holidays.Select(h => h.Id).Distinct().Count());
        }
    }

    [Fact]
    public void Between_December2021_IncludesNewYear2022ObservedOnDecember31()
    {
        var holidays = UsFederalHolidays.Between(Date("2021-12-01"), Date("2021-12-31")).ToList();

        Assert.Equal(["Christmas Day", "New Year's Day"], holidays.Select(h => h.Name));
        Assert.Equal(Date("2021-12-24"), holidays[0].Date);
        Assert.Equal(Date("2021-12-31"), holidays[1].Date);
    }

    [Fact]
    public void Between_January2022_DoesNotRepeatNewYearObservedInDecember()
    {
        var holidays = UsFederalHolidays.Between(Date("2022-01-01"), Date("2022-01-31")).ToList();

        Assert.Equal(["Martin Luther King Jr. Day"], holidays.Select(h => h.Name));
    }

    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);
}
