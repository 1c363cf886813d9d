using System.Text.Json;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Runbooks;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Runbooks;

public sealed class RunbookHandlerTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly string _folder = RunbookFixtures.CopyToTemp();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private TestBot Bot() => TestBot.Create(Monday, new Dictionary<string, string?> { ["Runbooks:Path"] = _folder });

    [Fact]
    public async Task AskAsync_RunbookForPipeline_ShowsSlaOwnersOnCallAndIssueButtons()
    {
        using var bot = Bot();

        var reply = await bot.AskAsync("/oncall runbook aggregate profit");
        var text = PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix);

        Assert.Equal("Runbook: Aggregate Profit", reply.Heading);
        Assert.Contains("ready by 06:00 team time", text);
        Assert.Contains("Alex Chen (primary), Sarah Johnson (secondary)", text);
        Assert.Contains(reply.Fields, f => f.Label == "On call now" && f.Value.Contains("(primary, until", StringComparison.Ordinal));
        Assert.Equal(RunbookReplies.TopIssues, reply.Buttons.Count);
        Assert.All(reply.Buttons, b => Assert.Equal(RunbookActionHandler.IssueAction, b.ActionId));
        Assert.Equal("aggregate-profit/billing-delay", reply.Buttons[0].Value);
    }

    [Fact]
    public async Task AskAsync_RunbookWithSymptom_ShowsTheMatchingSteps()
    {
        using var bot = Bot();

        var reply = await bot.AskAsync("/oncall runbook exec dashboard spark oom");
        var text = PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix);

        Assert.Equal("Executive & Investor Aggregate: Spark runs out of memory in the big joins", reply.Heading);
        Assert.Contains("1. Find the failing stage in the Spark UI", text);
        Assert.Contains(reply.Fields, f => f.Label == "Escalate");
    }

    [Fact]
    public async Task AskAsync_SymptomWithNoMatch_ListsTheIssuesInstead()
    {
        using var bot = Bot();

        var reply = await bot.AskAsync("/oncall runbook aggregate profit the weather in paris");

        Assert.Equal(ReplyTone.Warning, reply.Tone);
        Assert.Contains("No issue in the Aggregate Profit runbook clearly fits", reply.Text[0]);
        Assert.Equal(RunbookFixtures.Get("aggregate-profit").Issues.Count, reply.Buttons.Count);
    }

    [Fact]
    public async Task AskAsync_UnknownPipeline_SuggestsTheClosest()
    {
        using var bot = Bot();

        var text = await bot.AskTextAsync("/oncall runbook agg proft");

        Assert.Contains("Did you mean Aggregate Profit?", text);
    }

    [Fact]
    public async Task AskAsync_Runbooks_FlagsReviewsOlderThan90Days()
    {
        using var bot = Bot();

        var reply = await bot.AskAsync("/oncall runbooks");

        var rows = reply.Table!.Rows.ToDictionary(r => r[0], r => r[3]);
        Assert.Equal(7, rows.Count);
        Assert.StartsWith("⚠ review overdue", rows["Experiment-team Aggregate"]);
        Assert.StartsWith("⚠ review overdue", rows["Unit-level Profit"]);
        Assert.Equal("ok", rows["Aggregate Profit"]);
        Assert.Equal(ReplyTone.Warning, reply.Tone);
    }

    [Theory]
    [InlineData("how do I fix spark oom in exec dashboard?", "Executive & Investor Aggregate: Spark runs out of memory in the big joins")]
    [InlineData("runbook for aggregate profit", "Runbook: Aggregate Profit")]
    [InlineData("what do I do when kafka is down on engagement", "Aggregate Engagement: Kafka is down and no events flow")]
    [InlineData("how to handle late data for the agg engagement", "Aggregate Engagement: Click events arrive late")]
    [InlineData("show me the runbooks", "Runbooks")]
    [InlineData("aggregate growth runbook", "Runbook: Aggregate Growth")]
    [InlineData("/oncall runbook unit-level profit zero subscribers", "Unit-level Profit: Zero subscribers break the per-unit division")]
    [InlineData("fix duplicates in the unit-level profit", "Runbook: Unit-level Profit")]
    public async Task AskAsync_PlainQuestion_ReachesTheRunbook(string question, string heading)
    {
        using var bot = Bot();

        var reply = await bot.AskAsync(question);

        Assert.Equal(heading, reply.Heading);
    }

    [Fact]
    public async Task Reload_NonAdmin_IsRefusedAndNothingChanges()
    {
        using var bot = Bot();
        RewriteFile("aggregate-profit.md", t => t.Replace("## Issue: Billing revenue arrives late", "## Issue: Billing is slow", StringComparison.Ordinal));

        var reply = await bot.AskAsync("/oncall runbook reload", "lisa-wang");

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains("Only an admin", reply.Text[0]);
        Assert.Equal("Billing revenue arrives late", bot.Get<RunbookService>().Get("aggregate-profit")!.Issues[0].Title);
    }

    [Fact]
    public async Task Reload_Admin_ReplacesTheStoredRunbooks()
    {
        using var bot = Bot();
        RewriteFile("aggregate-profit.md", t => t.Replace("## Issue: Billing revenue arrives late", "## Issue: Billing is slow", StringComparison.Ordinal));
        File.Delete(Path.Combine(_folder, "daily-growth.md"));

        var reply = await bot.AskAsync("/oncall runbook reload", "alex-chen");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.Equal("Billing is slow", bot.Get<RunbookService>().Get("aggregate-profit")!.Issues[0].Title);
        Assert.Null(bot.Get<RunbookService>().Get("daily-growth"));
    }

    [Fact]
    public async Task Reload_MalformedFile_ReportsFileAndLineAndKeepsEverythingStored()
    {
        using var bot = Bot();
        var service = bot.Get<RunbookService>();
        var before = JsonSerializer.Serialize(service.All());
        var lines = File.ReadAllLines(Path.Combine(_folder, "aggregate-profit.md")).ToList();
        var broken = lines.FindIndex(l => l.StartsWith("2. Check the billing export", StringComparison.Ordinal));
        lines[broken] = "4" + lines[broken][1..];
        File.WriteAllLines(Path.Combine(_folder, "aggregate-profit.md"), lines);
        var valid = File.ReadAllText(Path.Combine(_folder, "unit-profit.md")).Replace("Pipeline: unit-profit", "Pipeline: new-pipeline", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "new-pipeline.md"), valid);

        var reply = await bot.AskAsync("/oncall runbook reload", "jordan-blake");

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains("The stored runbooks are unchanged", reply.Text[0]);
        Assert.Contains($"aggregate-profit.md:{broken + 1}: step 4 is out of order (expected step 2)", reply.Context);
        Assert.Equal(before, JsonSerializer.Serialize(service.All()));
        Assert.Null(service.Get("new-pipeline"));
        Assert.Contains("Last load failed", await bot.AskTextAsync("/oncall runbooks"));
    }

    [Fact]
    public async Task Startup_MalformedFolder_StoresNothingAndSaysWhy()
    {
        RewriteFile("aggregate-growth.md", t => t.Replace("Criticality: High", "Criticality: Huge", StringComparison.Ordinal));
        using var bot = Bot();

        Assert.Empty(bot.Get<RunbookService>().All());
        Assert.Contains("has no runbook yet", await bot.AskTextAsync("/oncall runbook aggregate profit"));
        Assert.Contains("aggregate-growth.md:6: criticality 'Huge'", await bot.AskTextAsync("/oncall runbooks"));
    }

    [Theory]
    [InlineData("aggregate-profit/../../etc/passwd", "not a runbook issue")]
    [InlineData("aggregate-profit", "not a runbook issue")]
    [InlineData("aggregate-profit/no-such-issue", "not there any more")]
    [InlineData("no-such-pipeline/spark-oom", "not there any more")]
    [InlineData("aggregate-profit/spark-oom", "not there any more")]
    public async Task PressAsync_TamperedIssueValue_AnswersClearlyAndChangesNothing(string value, string notice)
    {
        using var bot = Bot();
        var before = JsonSerializer.Serialize(bot.Get<RunbookService>().All());

        var result = await bot.PressAsync(RunbookActionHandler.IssueAction, value, "lisa-wang");

        Assert.Null(result.Replacement);
        Assert.Contains(notice, result.Notice);
        Assert.Contains("Nothing was changed", result.Notice);
        Assert.Equal(before, JsonSerializer.Serialize(bot.Get<RunbookService>().All()));
    }

    [Theory]
    [InlineData("../aggregate-profit")]
    [InlineData("no-such-pipeline")]
    [InlineData("")]
    public async Task PressAsync_TamperedCardValue_AnswersClearly(string value)
    {
        using var bot = Bot();

        var result = await bot.PressAsync(RunbookActionHandler.CardAction, value, null);

        Assert.Null(result.Replacement);
        Assert.Contains("Nothing was changed", result.Notice);
    }

    [Fact]
    public async Task PressAsync_IssueButton_ShowsItsStepsWithAWayBack()
    {
        using var bot = Bot();

        var result = await bot.PressAsync(RunbookActionHandler.IssueAction, "aggregate-engagement/bot-traffic", "mike-rodriguez");

        Assert.Equal("Aggregate Engagement: Bot traffic inflates engagement", result.Replacement?.Heading);
        Assert.Contains(result.Replacement!.Buttons, b => b.ActionId == RunbookActionHandler.CardAction && b.Value == "aggregate-engagement");
        var back = await bot.PressAsync(RunbookActionHandler.CardAction, "aggregate-engagement", "mike-rodriguez");
        Assert.Equal("Runbook: Aggregate Engagement", back.Replacement?.Heading);
    }

    [Fact]
    public void FindIssue_PageText_FindsTheIssueOrNothing()
    {
        using var bot = Bot();
        var service = bot.Get<RunbookService>();

        Assert.Equal("kafka-outage", service.FindIssue("aggregate-engagement", "CRITICAL: Kafka brokers unavailable for clicks")?.Issue.Id);
        Assert.Null(service.FindIssue("no-such-pipeline", "kafka down"));
        Assert.Null(service.FindIssue("aggregate-engagement", "lunch order"));
    }

    private void RewriteFile(string name, Func<string, string> change)
    {
        var path = Path.Combine(_folder, name);
        var text = File.ReadAllText(path);
        var changed = change(text);
        Assert.NotEqual(text, changed);
        File.WriteAllText(path, changed);
    }
}
