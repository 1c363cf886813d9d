using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Core.Tests.Conversation;

public class WhenParserTests
{
    // Monday 2026-11-23 10:00 EST.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static WhenParser Parser() => new(new TeamClock(new FakeTimeProvider(Now), new TeamSettings()));

    [Theory]
    [InlineData("now", "2026-11-23T15:00:00Z")]
    [InlineData("", "2026-11-23T15:00:00Z")]
    [InlineData("today", "2026-11-23T15:00:00Z")]
    [InlineData("Right now?", "2026-11-23T15:00:00Z")]
    [InlineData("tonight", "2026-11-24T03:00:00Z")]
    [InlineData("tomorrow", "2026-11-24T17:00:00Z")] // noon local
    [InlineData("yesterday", "2026-11-22T17:00:00Z")]
    [InlineData("next week", "2026-11-30T15:00:00Z")]
    [InlineData("this weekend", "2026-11-28T17:00:00Z")]
    [InlineData("in 3 days", "2026-11-26T15:00:00Z")]
    [InlineData("in 2 weeks", "2026-12-07T15:00:00Z")]
    [InlineData("in 5 hours", "2026-11-23T20:00:00Z")]
    [InlineData("monday", "2026-11-23T17:00:00Z")] // today counts
    [InlineData("next monday", "2026-11-30T17:00:00Z")]
    [InlineData("friday", "2026-11-27T17:00:00Z")]
    [InlineData("on Friday", "2026-11-27T17:00:00Z")]
    [InlineData("friday 4:59pm", "2026-11-27T21:59:00Z")]
    [InlineData("friday at 5pm", "2026-11-27T22:00:00Z")]
    [InlineData("friday 17:01", "2026-11-27T22:01:00Z")]
    [InlineData("2026-12-25", "2026-12-25T17:00:00Z")]
    [InlineData("2026-12-25 6pm", "2026-12-25T23:00:00Z")]
    [InlineData("2026-12-25T18:00", "2026-12-25T23:00:00Z")]
    [InlineData("2026-07-04T12:00", "2026-07-04T16:00:00Z")] // EDT
    [InlineData("2026-12-25T18:00Z", "2026-12-25T18:00:00Z")]
    [InlineData("2026-12-25T18:00:00+01:00", "2026-12-25T17:00:00Z")]
    [InlineData("2026-03-08T02:30", "2026-03-08T07:30:00Z")] // spring-forward gap: moved forward an hour
    [InlineData("2026-11-01T01:30", "2026-11-01T05:30:00Z")] // fall-back hour: the earlier (EDT) instant
    [InlineData("dec 25", "2026-12-25T17:00:00Z")]
    [InlineData("January 4", "2027-01-04T17:00:00Z")] // already past this year: next year
    [InlineData("12/31/2027", "2027-12-31T17:00:00Z")]
    public void TryParse_Phrase_GivesInstant(string text, string expected)
    {
        var ok = Parser().TryParse(text, Now, out var instant);

        Assert.True(ok);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), instant);
    }

    [Theory]
    [InlineData("someday")]
    [InlineData("2026-13-45")]
    [InlineData("in many days")]
    [InlineData("friday 25pm")]
    [InlineData("2026-12-25 at 99:99")]
    [InlineData("aggregate profit")]
    public void TryParse_NotATime_ReturnsFalse(string text)
    {
        Assert.False(Parser().TryParse(text, Now, out _));
    }
}
