using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Testing;
using static TechFlow.OnCall.Core.Tests.Swaps.SwapTestKit;

namespace TechFlow.OnCall.Core.Tests.TeamChanges;

/// <summary>Pipeline ownership and retirement from chat, by admins, audited, seen at once.</summary>
public class PipelineAdminTests
{
    [Fact]
    public async Task EditOwners_ByAnAdmin_TheEscalationChainFollowsAndItIsAudited()
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskTextAsync("/oncall pipeline edit daily growth owners lisa sarah", "jordan-blake");

        Assert.Contains("Done: Daily Growth: owners set to lisa sarah", reply);
        var pipeline = bot.Get<PipelineCatalog>().Get("daily-growth")!;
        Assert.Equal(("lisa-wang", "sarah-johnson"), (pipeline.PrimaryOwnerId, pipeline.SecondaryOwnerId));
        Assert.Contains("Lisa Wang", await bot.AskTextAsync("/oncall owners daily growth"));
        Assert.Contains("owners set to lisa sarah", await bot.AskTextAsync("/oncall history", "jordan-blake"));
    }

    [Fact]
    public async Task Retire_ByAnAdmin_ThePipelineIsGoneFromAnswers()
    {
        using var bot = TestBot.Create(Monday);

        await bot.AskAsync("/oncall pipeline retire experiment aggregate", "jordan-blake");

        Assert.Null(bot.Get<PipelineCatalog>().Get("experiment-aggregate"));
        Assert.DoesNotContain("Experiment-team Aggregate", await bot.AskTextAsync("/oncall owners"));
    }

    [Fact]
    public async Task EditName_ByAnAdmin_TheNewNameIsAnsweredForAndAudited()
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskTextAsync("/oncall pipeline edit daily growth name Daily Subscriber Growth", "jordan-blake");

        Assert.Contains("Done: Daily Growth: name set to Daily Subscriber Growth", reply);
        Assert.Equal("Daily Subscriber Growth", bot.Get<PipelineCatalog>().Get("daily-growth")!.Name);
        Assert.Contains("Daily Subscriber Growth", await bot.AskTextAsync("/oncall owners daily subscriber growth"));
        Assert.Contains("name set to Daily Subscriber Growth", await bot.AskTextAsync("/oncall history", "jordan-blake"));
    }

    [Fact]
    public async Task EditFreshnessAndStakeholders_ByAnAdmin_AreShownInTheAnswer()
    {
        using var bot = TestBot.Create(Monday);

        await bot.AskAsync("/oncall pipeline edit daily growth freshness under 6 hours", "jordan-blake");
        await bot.AskAsync("/oncall pipeline edit daily growth stakeholders Product, cfo-risk", "jordan-blake");

        var pipeline = bot.Get<PipelineCatalog>().Get("daily-growth")!;
        Assert.Equal("under 6 hours", pipeline.Freshness);
        Assert.Equal(["product", "cfo-risk"], pipeline.StakeholderIds);
        Assert.Contains("CFO and Risk", await bot.AskTextAsync("/oncall owners daily growth"));
        Assert.Equal(2, bot.Store.Set<TechFlow.OnCall.Core.TeamChanges.TeamAuditEntry>().All().Count);
    }

    [Theory]
    [InlineData("/oncall pipeline retire daily growth", "sarah-johnson", "Only an admin")]
    [InlineData("/oncall pipeline edit daily growth criticality enormous", "jordan-blake", "not a criticality")]
    [InlineData("/oncall pipeline edit daily growth owners lisa lisa", "jordan-blake", "two different engineers")]
    [InlineData("/oncall pipeline edit daily growth colour blue", "jordan-blake", "can't change")]
    [InlineData("/oncall pipeline edit daily growth name Aggregate Profit", "jordan-blake", "already names the pipeline Aggregate Profit")]
    [InlineData("/oncall pipeline edit daily growth name ?!", "jordan-blake", "Say what to change")]
    [InlineData("/oncall pipeline edit daily growth stakeholders product, the moon", "jordan-blake", "\"the moon\" is not a stakeholder")]
    [InlineData("/oncall pipeline edit daily growth freshness under 6 hours", "sarah-johnson", "Only an admin")]
    public async Task Edit_NonAdminOrBadValue_SaysWhyAndChangesNothing(string text, string who, string expected)
    {
        using var bot = TestBot.Create(Monday);

        await PipelineRefusal.AssertRefusedAndUnchangedAsync(bot, text, who, expected);
    }

    [Fact]
    public async Task Pipeline_FollowedByAName_IsStillAQuestion()
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskTextAsync("/oncall pipeline aggregate profit");

        Assert.Contains("Aggregate Profit", reply);
        Assert.Contains("Escalation:", reply);
    }
}

/// <summary><c>/oncall pipeline add</c>: a new pipeline from chat, used at once by lookups, paging and escalation.</summary>
public class PipelineAddTests
{
    private const string Add = "/oncall pipeline add churn-daily Daily Churn owners lisa sarah criticality high readyby 07:00 freshness under 24 hours stakeholders cfo-risk, product";

    [Fact]
    public async Task Add_ByAnAdmin_IsAnsweredForPagedAndAudited()
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskTextAsync(Add, "jordan-blake");

        Assert.Contains("Done: added pipeline Daily Churn (churn-daily)", reply);
        var p = bot.Get<PipelineCatalog>().Get("churn-daily")!;
        Assert.Equal(("lisa-wang", "sarah-johnson", Criticality.High, new TimeOnly(7, 0), "under 24 hours"), (p.PrimaryOwnerId, p.SecondaryOwnerId, p.Criticality, p.ReadyBy, p.Freshness));
        Assert.Equal(["cfo-risk", "product"], p.StakeholderIds);
        Assert.Contains("Lisa Wang", await bot.AskTextAsync("/oncall owners daily churn"));
        Assert.Contains("Lisa Wang", await bot.AskTextAsync("/oncall escalation daily churn"));
        var page = await bot.AskTextAsync("/oncall page daily churn job failed", "sarah-johnson");
        Assert.Contains("Daily Churn", page);
        Assert.Contains(bot.Store.Set<TechFlow.OnCall.Core.Announcements.OutboxMessage>().All(), m => m.Kind == "page");
        Assert.Contains("added pipeline Daily Churn", await bot.AskTextAsync("/oncall history", "jordan-blake"));
        Assert.NotNull(bot.Store.Set<TechFlow.OnCall.Core.Announcements.OutboxMessage>().All().FirstOrDefault(m => m.Kind == "team" && PlainTextRenderer.Render(m.Reply, TestFrontEnds.Chat.CommandPrefix).Contains("added pipeline Daily Churn", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(Add, "sarah-johnson", "Only an admin")]
    [InlineData("/oncall pipeline add daily-growth Something New owners lisa sarah", "jordan-blake", "already the pipeline Daily Growth")]
    [InlineData("/oncall pipeline add churn-daily Daily Growth owners lisa sarah", "jordan-blake", "already names the pipeline Daily Growth")]
    [InlineData("/oncall pipeline add churn-daily Daily Churn owners lisa nobodyknown", "jordan-blake", "don't know an engineer \"nobodyknown\"")]
    [InlineData("/oncall pipeline add churn-daily Daily Churn owners lisa lisa", "jordan-blake", "two different engineers")]
    [InlineData("/oncall pipeline add churn-daily Daily Churn", "jordan-blake", "two owners")]
    [InlineData("/oncall pipeline add Churn_Daily! Daily Churn owners lisa sarah", "jordan-blake", "not a pipeline id")]
    [InlineData("/oncall pipeline add churn-daily Daily Churn owners lisa sarah criticality enormous", "jordan-blake", "not a criticality")]
    [InlineData("/oncall pipeline add churn-daily Daily Churn owners lisa sarah readyby 7am", "jordan-blake", "not a time like 06:00")]
    [InlineData("/oncall pipeline add churn-daily Daily Churn owners lisa sarah colour blue", "jordan-blake", "not something a pipeline has")]
    [InlineData("/oncall pipeline add churn-daily Daily Churn owners lisa sarah stakeholders the moon", "jordan-blake", "not a stakeholder")]
    public async Task Add_NonAdminOrBadValue_SaysWhyAndChangesNothing(string text, string who, string expected)
    {
        using var bot = TestBot.Create(Monday);

        await PipelineRefusal.AssertRefusedAndUnchangedAsync(bot, text, who, expected);
        Assert.Empty(bot.Store.Set<TechFlow.OnCall.Core.TeamChanges.TeamAuditEntry>().All());
    }

    [Fact]
    public async Task Add_AnOwnerWhoHasLeft_IsRefused()
    {
        using var bot = TestBot.Create(Monday);
        var leave = await bot.AskAsync("/oncall team leave mike", "jordan-blake");
        await bot.PressAsync(TechFlow.OnCall.Core.TeamChanges.TeamMessages.Confirm, leave.Buttons[0].Value, "jordan-blake");

        var reply = await bot.AskAsync("/oncall pipeline add churn-daily Daily Churn owners mike sarah", "jordan-blake");

        Assert.Contains("has left the team", PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix));
        Assert.Null(bot.Get<PipelineCatalog>().Get("churn-daily"));
    }
}

/// <summary>A refused pipeline command: an error reply that says why, and every pipeline exactly as before.</summary>
internal static class PipelineRefusal
{
    public static async Task AssertRefusedAndUnchangedAsync(TestBot bot, string text, string who, string expected)
    {
        var before = System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<Pipeline>().All().OrderBy(p => p.Id));

        var reply = await bot.AskAsync(text, who);

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains(expected, PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix));
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<Pipeline>().All().OrderBy(p => p.Id)));
    }
}
