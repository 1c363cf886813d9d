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

    [Theory]
    [InlineData("/oncall pipeline retire daily growth", "sarah-johnson", "Only an admin")]
    [InlineData("/oncall pipeline edit daily growth criticality enormous", "jordan-blake", "not a criticality")]
    [InlineData("/oncall pipeline edit daily growth owners lisa lisa", "jordan-blake", "two different engineers")]
    [InlineData("/oncall pipeline edit daily growth colour blue", "jordan-blake", "can't change")]
    public async Task Edit_NonAdminOrBadValue_SaysWhyAndChangesNothing(string text, string who, string expected)
    {
        using var bot = TestBot.Create(Monday);
        var before = System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<Pipeline>().All().OrderBy(p => p.Id));

        var reply = await bot.AskAsync(text, who);

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains(expected, PlainTextRenderer.Render(reply));
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<Pipeline>().All().OrderBy(p => p.Id)));
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
