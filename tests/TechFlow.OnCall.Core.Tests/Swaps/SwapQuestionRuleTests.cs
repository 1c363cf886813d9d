using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Testing;
using static TechFlow.OnCall.Core.Tests.Swaps.SwapTestKit;

namespace TechFlow.OnCall.Core.Tests.Swaps;

public class SwapQuestionRuleTests
{
    [Theory]
    [InlineData("can someone cover my shift friday to sunday", "cover friday to sunday")]
    [InlineData("could anybody cover for me from 2026-12-05 until 2026-12-06", "cover 2026-12-05 until 2026-12-06")]
    [InlineData("can I swap my shift next with @sarah", "swap next with @sarah")]
    [InlineData("can i swap 2026-12-04 with mike for 2026-12-18", "swap 2026-12-04 with mike for 2026-12-18")]
    [InlineData("are there any open swaps", "swaps")]
    [InlineData("show me the open swap requests", "swaps")]
    [InlineData("swap history for mike", "history mike")]
    [InlineData("swap history", "history")]
    public void Rewrite_SwapPhrasing_GivesTheCommand(string question, string command) =>
        Assert.Equal(command, new SwapQuestionRule().Rewrite(question));

    [Theory]
    [InlineData("who is on call for aggregate profit")]
    [InlineData("who's on call tomorrow")]
    [InlineData("schedule")]
    [InlineData("can someone help")]
    public void Rewrite_OtherQuestion_LeavesItAlone(string question) =>
        Assert.Null(new SwapQuestionRule().Rewrite(question));

    [Fact]
    public async Task AskAsync_PlainCoverQuestion_CreatesTheRequest()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2026-12-04");

        var text = await bot.AskTextAsync("Can someone cover my shift 2026-12-05 to 2026-12-06?", shift.PrimaryId);

        Assert.Contains("is posted in the team channel", text);
        Assert.Equal(SwapKind.Cover, Single(bot).Kind);
    }
}
