using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Calendar;

namespace TechFlow.OnCall.Core.Tests.Calendar;

public class TeamClockTests
{
    private static readonly DateTimeOffset Winter = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2026, 7, 1, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("America/New_York", "EST", "EDT")]
    [InlineData("America/Chicago", "CST", "CDT")]
    [InlineData("America/Denver", "MST", "MDT")]
    [InlineData("America/Los_Angeles", "PST", "PDT")]
    [InlineData("Europe/Berlin", "UTC+01:00", "UTC+02:00")]
    [InlineData("Etc/UTC", "UTC", "UTC")]
    public void ZoneAbbreviation_TeamInAnyZone_MatchesTheLabelSwapMessagesUse(string zone, string winter, string summer)
    {
        var clock = new TeamClock(new FakeTimeProvider(Winter), new TeamSettings { TimeZone = zone });

        Assert.Equal((winter, summer), (clock.ZoneAbbreviation(Winter), clock.ZoneAbbreviation(Summer)));
        Assert.Equal(clock.ZoneAbbreviation(Summer), TeamClock.ZoneLabel(clock.Zone, Summer));
    }

    [Fact]
    public void Days_FirstToLast_IncludesBothEnds()
    {
        Assert.Equal(
            [new DateOnly(2026, 2, 27), new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 1)],
            TeamClock.Days(new DateOnly(2026, 2, 27), new DateOnly(2026, 3, 1)));
        Assert.Empty(TeamClock.Days(new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 27)));
    }
}
