using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Tests.Inbound;

/// <summary>What Slack escapes on the way in comes back exactly as typed, whatever was typed.</summary>
public sealed class SlackTextUnescapeTests
{
    [Theory]
    [InlineData("R&D")]
    [InlineData("costs > budget & rising < 5%")]
    [InlineData("&lt; typed literally &gt; and &amp; too")]
    [InlineData("&&&;;<<>>&amp;amp;")]
    [InlineData("no entities at all")]
    [InlineData("")]
    public void Unescape_OfWhatSlackEscaped_IsWhatWasTyped(string typed) =>
        Assert.Equal(typed, SlackText.Unescape(SlackText.Escape(typed)));

    [Fact]
    public void Unescape_LeavesMarkupAndUnknownEntitiesAlone() =>
        Assert.Equal("<@U0LISA> &quot;x&quot; &nbsp;", SlackText.Unescape("<@U0LISA> &quot;x&quot; &nbsp;"));

    [Theory]
    [InlineData("<https://dash.example/p>", "https://dash.example/p")]
    [InlineData("<https://dash.example/p|https://dash.example/p>", "https://dash.example/p")]
    [InlineData("<https://dash.example/p|the dashboard>", "the dashboard (https://dash.example/p)")]
    [InlineData("<mailto:ops@techflow.example|ops@techflow.example>", "ops@techflow.example")]
    [InlineData("in <#C0OPS|ops> and <#C0DATA>", "in #ops and #C0DATA")]
    [InlineData("<!date^1796284800^{date_short}|Dec 3, 2026>", "Dec 3, 2026")]
    [InlineData("<!here> <!subteam^S0DATA|@data-eng> <@U0LISA>", "<!here> <!subteam^S0DATA|@data-eng> <@U0LISA>")]
    [InlineData("a < b > c", "a < b > c")]
    public void PlainMarkup_WritesLinksChannelsAndDatesAsSeen_AndLeavesTheRest(string fromSlack, string expected) =>
        Assert.Equal(expected, SlackText.PlainMarkup(fromSlack));
}
