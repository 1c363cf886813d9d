using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Conversation;

public class ReplyMarkupTests
{
    [Theory]
    [InlineData("/oncall", "Try: /oncall swap cancel k7m2qp")]
    [InlineData("@On-call", "Try: @On-call swap cancel k7m2qp")]
    [InlineData("", "Try: swap cancel k7m2qp")]
    public void Commands_BeforeWords_WritesThePrefixOrNothing(string prefix, string expected) =>
        Assert.Equal(expected, ReplyMarkup.Commands($"Try: {ReplyMarkup.Command} swap cancel k7m2qp", prefix));

    [Theory]
    [InlineData("/oncall", "Ask /oncall, or /oncall help.")]
    [InlineData("", "Ask oncall, or help.")]
    public void Commands_WithNothingAfter_WritesThePrefixOrTheBotsName(string prefix, string expected) =>
        Assert.Equal(expected, ReplyMarkup.Commands($"Ask {ReplyMarkup.Command}, or {ReplyMarkup.Command} help.", prefix));

    [Fact]
    public void Person_RendersAsTheEngineersName()
    {
        var reply = new ReplyBuilder();
        var who = reply.Mention(new Roster.Engineer { Id = "lisa-wang", Name = "Lisa Wang", TimeZone = "America/Los_Angeles" });

        Assert.Equal("Ask Lisa Wang.", PlainTextRenderer.Text(reply.Build(), $"Ask {who}.", ""));
        Assert.Matches(ReplyMarkup.PersonToken(), who);
    }

    [Theory]
    [InlineData("@On-call help", "help")]
    [InlineData("@on-call: owners growth", "owners growth")]
    [InlineData("oncall", "")]
    [InlineData("/oncall help", "/oncall help")]
    public void Interpret_TeamsPrefix_IsIgnoredInFrontOfACommand(string text, string expected)
    {
        var teams = TestFrontEnds.Chat with { CommandPrefix = "@On-call", AlsoAccepted = [] };

        Assert.Equal(expected, new QuestionInterpreter([]).Interpret(text, teams).Command);
    }
}
