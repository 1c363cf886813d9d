using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Runbooks;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Runbooks;

public class RunbookFilesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_RepositoryFolder_ParsesEveryFileWithoutProblems()
    {
        var result = RunbookFolder.Read(RunbookFixtures.RepoFolder);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(7, result.Runbooks.Count);
    }

    [Fact]
    public void Runbooks_EveryInvestorFacingPipeline_HasARunbookWithAtLeastFourIssues()
    {
        using var bot = TestBot.Create(Monday);
        var investorFacing = bot.Get<PipelineCatalog>().All.Where(p => p.IsInvestorFacing).ToList();

        Assert.Equal(4, investorFacing.Count);
        foreach (var pipeline in investorFacing)
        {
            var runbook = RunbookFixtures.All.SingleOrDefault(r => r.Id == pipeline.Id);
            Assert.True(runbook is not null, $"{pipeline.Id} has no runbook");
            Assert.True(runbook.Issues.Count >= 4, $"{pipeline.Id} has only {runbook.Issues.Count} issues");
            Assert.All(runbook.Issues, i => Assert.True(i.Steps.Count >= 2, $"{pipeline.Id}/{i.Id} has fewer than two steps"));
            Assert.NotEmpty(runbook.Monitoring);
        }
    }

    [Fact]
    public void Runbooks_Owners_AgreeWithThePipelineOwners()
    {
        using var bot = TestBot.Create(Monday);

        foreach (var pipeline in bot.Get<PipelineCatalog>().All)
        {
            var runbook = RunbookFixtures.Get(pipeline.Id);
            Assert.Equal(new[] { pipeline.PrimaryOwnerId, pipeline.SecondaryOwnerId }, runbook.Owners);
        }
    }

    [Fact]
    public void Runbooks_ObligatoryTopics_AreCovered()
    {
        var ids = RunbookFixtures.All.SelectMany(r => r.Issues.Select(i => $"{r.Id}/{i.Id}")).ToHashSet();

        string[] expected =
        [
            "aggregate-profit/billing-delay", "aggregate-profit/currency-conversion", "aggregate-profit/cost-allocation",
            "aggregate-profit/revenue-mismatch", "aggregate-profit/expired-credentials", "aggregate-engagement/kafka-outage",
            "aggregate-engagement/late-events", "aggregate-engagement/duplicate-events", "aggregate-engagement/bot-traffic",
            "aggregate-engagement/schema-drift", "aggregate-engagement/pii-exposure", "executive-investor-aggregate/spark-oom",
            "executive-investor-aggregate/stale-upstream", "executive-investor-aggregate/divide-by-zero",
        ];
        Assert.All(expected, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void Startup_LoadsTheCopiedRunbooksIntoTheStore()
    {
        using var bot = TestBot.Create(Monday);

        var stored = bot.Get<RunbookService>().All();

        Assert.Equal(RunbookFixtures.All.Select(r => r.Id).Order(), stored.Select(r => r.Id).Order());
        Assert.Equal(RunbookFixtures.Get("aggregate-profit").Issues.Count, bot.Get<RunbookService>().Get("aggregate-profit")!.Issues.Count);
    }
}
