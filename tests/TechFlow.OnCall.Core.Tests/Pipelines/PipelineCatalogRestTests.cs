using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Pipelines;

public class PipelineCatalogRestTests
{
    [Theory]
    [InlineData("aggregate-profit job failed", "aggregate-profit", "job failed")]
    [InlineData("aggregate profit job failed", "aggregate-profit", "job failed")]
    [InlineData("exec dashboard tomorrow", "executive-investor-aggregate", "tomorrow")]
    [InlineData("Executive & Investor Aggregate friday", "executive-investor-aggregate", "friday")]
    [InlineData("unit-level profit", "unit-profit", "")]
    public void Match_TextAfterName_KeepsEveryWordOfTheRest(string text, string pipelineId, string rest)
    {
        using var bot = TestBot.Create(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

        var match = Assert.IsType<PipelineMatch.Found>(bot.Get<PipelineCatalog>().Match(text));

        Assert.Equal(pipelineId, match.Pipeline.Id);
        Assert.Equal(rest, match.Rest);
    }
}
