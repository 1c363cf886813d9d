using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Pipelines;

public sealed class PipelineCatalogTests : IDisposable
{
    private readonly TestBot _bot = TestBot.Create(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

    private PipelineCatalog Catalog => _bot.Get<PipelineCatalog>();

    [Theory]
    [InlineData("Aggregate Profit", "aggregate-profit", "")]
    [InlineData("aggregate profit", "aggregate-profit", "")]
    [InlineData("agg profit tomorrow", "aggregate-profit", "tomorrow")]
    [InlineData("the exec dashboard", "executive-investor-aggregate", "")]
    [InlineData("Executive & Investor Aggregate", "executive-investor-aggregate", "")]
    [InlineData("daily growth pipeline", "daily-growth", "")]
    [InlineData("unit-level profit friday 5pm", "unit-profit", "friday 5pm")]
    [InlineData("engagement", "aggregate-engagement", "")]
    [InlineData("ab testing", "experiment-aggregate", "")]
    [InlineData("agg growth next week", "aggregate-growth", "next week")]
    [InlineData("Executive & Investor Aggregate tomorrow", "executive-investor-aggregate", "tomorrow")]
    [InlineData("daily grwoth", "daily-growth", "grwoth")] // the leading word is enough; the handler then asks (see ConversationServiceTests)
    public void Match_NameOrAlias_FindsThePipelineAndTheRest(string text, string id, string rest)
    {
        var match = Assert.IsType<PipelineMatch.Found>(Catalog.Match(text));

        Assert.Equal(id, match.Pipeline.Id);
        Assert.Equal(rest, match.Rest);
    }

    [Theory]
    [InlineData("profit", new[] { "aggregate-profit", "unit-profit" })]
    [InlineData("growth", new[] { "aggregate-growth", "daily-growth" })]
    public void Match_SharedWord_IsAmbiguousWithEveryCandidate(string text, string[] ids)
    {
        var match = Assert.IsType<PipelineMatch.Ambiguous>(Catalog.Match(text));

        Assert.Equal(ids, match.Candidates.Select(p => p.Id).Order());
    }

    [Theory]
    [InlineData("agg proft", "aggregate-profit")]
    [InlineData("aggregate profti", "aggregate-profit")]
    public void Match_Misspelling_SuggestsTheClosestFirst(string text, string id)
    {
        var match = Assert.IsType<PipelineMatch.NotFound>(Catalog.Match(text));

        Assert.Equal(id, match.Suggestions[0].Id);
    }

    [Fact]
    public void Match_Gibberish_SuggestsNothing()
    {
        var match = Assert.IsType<PipelineMatch.NotFound>(Catalog.Match("xyzzy plugh"));

        Assert.Empty(match.Suggestions);
    }

    public void Dispose() => _bot.Dispose();
}
