using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Runbooks;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Runbooks;

public class RunbookQuestionRuleTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("how do I fix spark oom in exec dashboard", "runbook exec dashboard spark oom")]
    [InlineData("fix late data on aggregate engagement", "runbook aggregate engagement late data")]
    [InlineData("how can we deal with a spike in revenue for aggregate profit", "runbook aggregate profit spike in revenue")]
    [InlineData("what should I do when kafka is down on engagement", "runbook engagement kafka is down")]
    [InlineData("runbook for aggregate profit", "runbook aggregate profit")]
    [InlineData("show me the runbook for the daily growth", "runbook daily growth")]
    [InlineData("exec dashboard runbook", "runbook executive-investor-aggregate")]
    [InlineData("show me the runbooks", "runbooks")]
    public void Rewrite_RunbookQuestion_BecomesTheCommand(string question, string command)
    {
        using var bot = TestBot.Create(Monday);

        Assert.Equal(command, new RunbookQuestionRule(bot.Get<PipelineCatalog>()).Rewrite(question));
    }

    [Theory]
    [InlineData("resolve page 42 for aggregate profit")]
    [InlineData("handle the swap for aggregate profit")]
    [InlineData("who is on call for aggregate profit")]
    [InlineData("when am I on call for aggregate profit")]
    [InlineData("how do I fix the weather in paris")]
    [InlineData("fix")]
    [InlineData("where is the runbook")]
    public void Rewrite_OtherQuestion_IsLeftAlone(string question)
    {
        using var bot = TestBot.Create(Monday);

        Assert.Null(new RunbookQuestionRule(bot.Get<PipelineCatalog>()).Rewrite(question));
    }
}
