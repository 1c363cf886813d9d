using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Conversation;

public class OnCallLookupHandlerTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AskAsync_PipelineQuestion_NamesOnCallAndOwners()
    {
        using var bot = TestBot.Create(Monday);

        var text = await bot.AskTextAsync("who is on call for Aggregate Profit?");

        Assert.Contains("Aggregate Profit", text);
        Assert.Contains("Primary: ", text);
        Assert.Contains("Secondary: ", text);
        Assert.Contains("Owners:       Alex Chen (primary), Sarah Johnson (secondary)", text);
    }

    [Fact]
    public async Task AskAsync_MisspelledPipeline_SuggestsTheClosest()
    {
        using var bot = TestBot.Create(Monday);

        var text = await bot.AskTextAsync("/oncall agg proft");

        Assert.Contains("Did you mean Aggregate Profit?", text);
    }
}
