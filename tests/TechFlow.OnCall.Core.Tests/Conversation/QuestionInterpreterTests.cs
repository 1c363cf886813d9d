using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Conversation;

public class QuestionInterpreterTests
{
    [Theory]
    [InlineData("/oncall", "")]
    [InlineData("oncall", "")]
    [InlineData("/oncall agg profit", "agg profit")]
    [InlineData("  /oncall   agg   profit  ", "agg profit")]
    [InlineData("who is on call for aggregate profit?", "aggregate profit")]
    [InlineData("Who's on call for the exec dashboard", "exec dashboard")]
    [InlineData("who’s on-call for agg growth tomorrow", "agg growth tomorrow")]
    [InlineData("hey oncall, who is on call?", "")]
    [InlineData("who is on call", "")]
    [InlineData("who's on call tomorrow", "at tomorrow")]
    [InlineData("who will be on call next friday?", "at next friday")]
    [InlineData("whos oncall on 2026-12-25", "2026-12-25")]
    [InlineData("who owns daily growth", "owners daily growth")]
    [InlineData("who is the owner of the aggregate profit pipeline?", "owners aggregate profit pipeline")]
    [InlineData("what's the escalation for agg growth", "escalation agg growth")]
    [InlineData("what is the escalation path", "escalation")]
    [InlineData("who do i escalate to for exec dashboard", "escalation exec dashboard")]
    [InlineData("what's the schedule?", "schedule")]
    [InlineData("show me the rotation", "schedule")]
    [InlineData("what can you do?", "help")]
    [InlineData("schedule 4 weeks", "schedule 4 weeks")]
    [InlineData("frobnicate", "frobnicate")]
    public void Interpret_Text_GivesCommand(string text, string expected)
    {
        var (command, isPublic) = new QuestionInterpreter([]).Interpret(text, TestFrontEnds.Chat);

        Assert.Equal(expected, command);
        Assert.False(isPublic);
    }

    [Theory]
    [InlineData("/oncall agg profit public", "agg profit")]
    [InlineData("/oncall public", "")]
    public void Interpret_TrailingPublic_IsStrippedAndFlagged(string text, string expected)
    {
        var (command, isPublic) = new QuestionInterpreter([]).Interpret(text, TestFrontEnds.Chat);

        Assert.Equal(expected, command);
        Assert.True(isPublic);
    }

    [Fact]
    public void Interpret_ExtraRule_IsTriedFirst()
    {
        var interpreter = new QuestionInterpreter([new FixedRule()]);

        Assert.Equal("swap", interpreter.Interpret("can someone take my shift?").Command);
        Assert.Equal("owners daily growth", interpreter.Interpret("who owns daily growth").Command);
    }

    private sealed class FixedRule : IQuestionRule
    {
        public string? Rewrite(string question) => question.StartsWith("can someone take", StringComparison.OrdinalIgnoreCase) ? "swap" : null;
    }
}
