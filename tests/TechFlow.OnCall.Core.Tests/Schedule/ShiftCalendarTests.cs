using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Tests.Schedule;

public class ShiftCalendarTests
{
    private static ShiftCalendar Calendar(int lengthDays = 7, string anchor = "2026-01-02", string zone = "America/New_York")
    {
        var settings = new TeamSettings
        {
            ShiftLengthDays = lengthDays,
            RotationAnchor = DateOnly.Parse(anchor, CultureInfo.InvariantCulture),
            TimeZone = zone,
        };
        return new ShiftCalendar(new TeamClock(new FakeTimeProvider(), settings));
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Theory]
    // Weekly, Friday 17:00 New York: EST is UTC-5, EDT is UTC-4.
    [InlineData(7, "2026-01-02", "2026-11-27T21:59:00Z", "2026-11-20", "2026-11-20T22:00:00Z", "2026-11-27T22:00:00Z")]
    [InlineData(7, "2026-01-02", "2026-11-27T22:00:00Z", "2026-11-27", "2026-11-27T22:00:00Z", "2026-12-04T22:00:00Z")]
    [InlineData(7, "2026-01-02", "2026-11-01T06:30:00Z", "2026-10-30", "2026-10-30T21:00:00Z", "2026-11-06T22:00:00Z")]
    [InlineData(7, "2026-01-02", "2026-03-08T12:00:00Z", "2026-03-06", "2026-03-06T22:00:00Z", "2026-03-13T21:00:00Z")]
    [InlineData(7, "2026-07-01", "2026-07-15T12:00:00Z", "2026-07-10", "2026-07-10T21:00:00Z", "2026-07-17T21:00:00Z")] // Wednesday anchor moves back to Friday
    [InlineData(7, "2026-01-02", "2025-12-31T12:00:00Z", "2025-12-26", "2025-12-26T22:00:00Z", "2026-01-02T22:00:00Z")] // before the anchor
    // Fortnightly from Friday 2026-01-02.
    [InlineData(14, "2026-01-02", "2026-01-20T12:00:00Z", "2026-01-16", "2026-01-16T22:00:00Z", "2026-01-30T22:00:00Z")]
    [InlineData(14, "2026-01-02", "2026-01-30T21:59:00Z", "2026-01-16", "2026-01-16T22:00:00Z", "2026-01-30T22:00:00Z")]
    [InlineData(14, "2026-01-02", "2026-03-08T12:00:00Z", "2026-02-27", "2026-02-27T22:00:00Z", "2026-03-13T21:00:00Z")]
    // Daily at 17:00.
    [InlineData(1, "2026-01-02", "2026-11-27T21:59:00Z", "2026-11-26", "2026-11-26T22:00:00Z", "2026-11-27T22:00:00Z")]
    [InlineData(1, "2026-01-02", "2026-11-28T03:00:00Z", "2026-11-27", "2026-11-27T22:00:00Z", "2026-11-28T22:00:00Z")]
    [InlineData(1, "2026-01-02", "2026-03-08T12:00:00Z", "2026-03-07", "2026-03-07T22:00:00Z", "2026-03-08T21:00:00Z")]
    // Every 3 days from 2026-01-02: Jan 2, 5, 8, ...
    [InlineData(3, "2026-01-02", "2026-01-06T12:00:00Z", "2026-01-05", "2026-01-05T22:00:00Z", "2026-01-08T22:00:00Z")]
    [InlineData(3, "2026-01-02", "2025-12-31T12:00:00Z", "2025-12-30", "2025-12-30T22:00:00Z", "2026-01-02T22:00:00Z")]
    public void At_Instant_ReturnsWindowThatContainsIt(int length, string anchor, string instant, string localStart, string start, string end)
    {
        var window = Calendar(length, anchor).At(Utc(instant));

        Assert.Equal(localStart, window.Id);
        Assert.Equal(Utc(start), window.Start);
        Assert.Equal(Utc(end), window.End);
        Assert.True(window.Contains(Utc(instant)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(14)]
    [InlineData(5)]
    public void Windows_AcrossBothDaylightSavingChanges_AreContiguousAndStartAt5pmLocal(int length)
    {
        var calendar = Calendar(length);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var windows = calendar.Windows(Utc("2026-02-20T12:00:00Z"), 400 / length);

        Assert.Equal(400 / length, windows.Count);
        for (var i = 0; i < windows.Count; i++)
        {
            Assert.Equal(new TimeOnly(17, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(windows[i].Start, zone).DateTime));
            Assert.Equal(windows[i].LocalStart.AddDays(length), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(windows[i].End, zone).DateTime));
            if (i > 0)
            {
                Assert.Equal(windows[i - 1].End, windows[i].Start);
            }
        }
    }

    [Fact]
    public void Between_ThreeWeeks_ReturnsOverlappingWindowsInOrder()
    {
        var calendar = Calendar();

        var windows = calendar.Between(Utc("2026-11-23T15:00:00Z"), Utc("2026-12-10T00:00:00Z"));

        Assert.Equal(["2026-11-20", "2026-11-27", "2026-12-04"], windows.Select(w => w.Id));
    }

    [Fact]
    public void NextAndPrevious_FromWindow_StepOneShift()
    {
        var calendar = Calendar(14);
        var window = calendar.At(Utc("2026-01-20T12:00:00Z"));

        Assert.Equal("2026-01-30", calendar.Next(window).Id);
        Assert.Equal("2026-01-02", calendar.Previous(window).Id);
    }

    [Fact]
    public void At_OtherZone_HandoffIs5pmThere()
    {
        var window = Calendar(zone: "Europe/London").At(Utc("2026-07-15T12:00:00Z"));

        Assert.Equal(Utc("2026-07-10T16:00:00Z"), window.Start);
    }
}
