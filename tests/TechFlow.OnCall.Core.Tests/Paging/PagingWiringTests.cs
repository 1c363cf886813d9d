using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Paging;
using static TechFlow.OnCall.Core.Tests.Paging.PagingTestKit;

namespace TechFlow.OnCall.Core.Tests.Paging;

public class PagingWiringTests
{
    [Fact]
    public void Conversation_EveryPageButton_HasAHandler()
    {
        using var bot = CreateBot(Monday);

        Assert.Subset(bot.Conversation.ActionIds.ToHashSet(), new HashSet<string> { PageCards.AcknowledgeAction, PageCards.EscalateAction, PageCards.ResolveAction });
        Assert.Single(bot.Services.GetServices<IDueWork>().OfType<PageEscalationWork>());
    }

    [Fact]
    public async Task AskAsync_Help_ListsThePagingCommands()
    {
        using var bot = CreateBot(Monday);

        var text = await bot.AskTextAsync("/oncall help", Primary);

        Assert.Contains("/oncall page <pipeline> <message>", text);
        Assert.Contains("/oncall stats [month]", text);
    }

    [Fact]
    public async Task PressAsync_ManyConcurrentAcknowledgementsAndTicks_ChangeThePageOnce()
    {
        using var bot = CreateBot(Monday);
        var page = await OpenAsync(bot);
        bot.Time.SetUtcNow(Monday.AddMinutes(30));
        var work = bot.Services.GetServices<IDueWork>().OfType<PageEscalationWork>().Single();

        var presses = Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? Task.Run(async () => (await bot.PressAsync(PageCards.AcknowledgeAction, page.Id, i % 4 == 0 ? Primary : Secondary)).Notice)
            : Task.Run(async () => { await work.RunDueAsync(Monday.AddMinutes(30), CancellationToken.None); return (string?)null; }));
        var notices = await Task.WhenAll(presses);

        Assert.Single(notices, n => n == $"Acknowledged page {page.Id}. Escalation stopped.");
        Assert.Single(PageMessages(bot), m => m.Id == $"page:{page.Id}:acknowledged:channel");
        Assert.True(PageMessages(bot).Count(m => m.Id == $"page:{page.Id}:L2:dm") <= 1);
        Assert.Equal(PageStatus.Acknowledged, SinglePage(bot).Status);
    }
}
