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
}
