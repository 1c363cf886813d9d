using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Paging;
using static TechFlow.OnCall.Core.Tests.Paging.PagingTestKit;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Paging;

public class PageEscalationWorkTests
{
    [Fact]
    public async Task RunDueAsync_NobodyAcknowledges_ClimbsAllFourLevelsThenRepeatsTheLast()
    {
        using var bot = CreateBot(Monday);
        var page = await OpenAsync(bot);
        var id = page.Id;

        await RunAtAsync(bot, 29);
        Assert.Equal([$"page:{id}:L1:dm -> {Primary}", $"page:{id}:L1:channel -> channel"], Sent(bot));

        await RunAtAsync(bot, 30);
        await RunAtAsync(bot, 30);
        await RunAtAsync(bot, 74);
        await RunAtAsync(bot, 75);
        await RunAtAsync(bot, 134);
        await RunAtAsync(bot, 135);
        await RunAtAsync(bot, 255);
        await RunAtAsync(bot, 256);
        await RunAtAsync(bot, 375);

        Assert.Equal(
            [
                $"page:{id}:L1:dm -> {Primary}",
                $"page:{id}:L1:channel -> channel",
                $"page:{id}:L2:dm -> {Secondary}",
                $"page:{id}:L2:channel -> channel",
                $"page:{id}:L3:dm -> {Owner}",
                $"page:{id}:L3:channel -> channel",
                $"page:{id}:L4:dm -> {Manager}",
                $"page:{id}:L4:channel -> channel",
                $"page:{id}:L4:r1 -> {Manager}",
                $"page:{id}:L4:r2 -> {Manager}",
            ],
            Sent(bot));
        var stored = SinglePage(bot);
        Assert.Equal(4, stored.Level);
        Assert.Equal(2, stored.Round);
        Assert.Equal(Monday.AddMinutes(495), stored.NextEscalationAt);
        Assert.Equal([Primary, Secondary, Owner, Manager, Manager, Manager], stored.Notifications.Select(n => n.EngineerId));
    }

    [Fact]
    public async Task RunDueAsync_Escalated_ChannelPostNamesTheNextLevelAndTheWait()
    {
        using var bot = CreateBot(Monday);
        var page = await OpenAsync(bot);

        await RunAtAsync(bot, 30);

        var notice = PageMessages(bot).Single(m => m.Id == $"page:{page.Id}:L2:channel");
        var text = PlainTextRenderer.Render(notice.Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("Nobody acknowledged within 30 minutes: level 2, Lisa Wang (secondary on call), is now paged.", text);
        Assert.Contains("Runbook: ", text);
        Assert.Contains("/oncall runbook aggregate profit", text);
        Assert.Equal([PageCards.AcknowledgeAction, PageCards.EscalateAction, PageCards.ResolveAction], notice.Reply.Buttons.Select(b => b.ActionId));
        Assert.All(notice.Reply.Buttons, b => Assert.Equal(page.Id, b.Value));
    }

    [Fact]
    public async Task PressAsync_Acknowledge_StopsTheClimbAndUpdatesTheChannelPost()
    {
        using var bot = CreateBot(Monday);
        var page = await OpenAsync(bot);
        await RunAtAsync(bot, 30);
        bot.Time.SetUtcNow(Monday.AddMinutes(40));

        var result = await bot.PressAsync(PageCards.AcknowledgeAction, page.Id, Secondary);
        await RunAtAsync(bot, 75);
        await RunAtAsync(bot, 600);

        Assert.Equal($"Acknowledged page {page.Id}. Escalation stopped.", result.Notice);
        Assert.NotNull(result.Replacement);
        Assert.DoesNotContain(result.Replacement.Buttons, b => b.ActionId == PageCards.AcknowledgeAction);
        Assert.Equal(
            [
                $"page:{page.Id}:L1:dm -> {Primary}",
                $"page:{page.Id}:L1:channel -> channel",
                $"page:{page.Id}:L2:dm -> {Secondary}",
                $"page:{page.Id}:L2:channel -> channel",
                $"page:{page.Id}:acknowledged:channel -> channel",
            ],
            Sent(bot));
        var update = PageMessages(bot)[^1];
        Assert.Equal($"page:{page.Id}:L1:channel", update.Updates);
        var stored = SinglePage(bot);
        Assert.Equal(PageStatus.Acknowledged, stored.Status);
        Assert.Equal(Secondary, stored.AcknowledgedBy);
        Assert.Equal(TimeSpan.FromMinutes(40), stored.TimeToAcknowledge);
        Assert.Null(stored.NextEscalationAt);
    }

    [Fact]
    public async Task PressAsync_AcknowledgeTwice_SecondPressChangesNothing()
    {
        using var bot = CreateBot(Monday);
        var page = await OpenAsync(bot);
        bot.Time.SetUtcNow(Monday.AddMinutes(5));
        await bot.PressAsync(PageCards.AcknowledgeAction, page.Id, Primary);
        var before = SinglePage(bot);
        var sent = Sent(bot);
        bot.Time.SetUtcNow(Monday.AddMinutes(9));

        var second = await bot.PressAsync(PageCards.AcknowledgeAction, page.Id, Secondary);

        Assert.Contains("already acknowledged", second.Notice);
        Assert.Contains("Nothing was changed", second.Notice);
        Assert.Equal(Snapshot(before), Snapshot(SinglePage(bot)));
        Assert.Equal(sent, Sent(bot));
    }

    [Fact]
    public async Task PressAsync_Escalate_PagesTheNextLevelNowAndIgnoresADoublePress()
    {
        using var bot = CreateBot(Monday);
        var page = await OpenAsync(bot);
        bot.Time.SetUtcNow(Monday.AddMinutes(10));

        var first = await bot.PressAsync(PageCards.EscalateAction, page.Id, Primary);
        var second = await bot.PressAsync(PageCards.EscalateAction, page.Id, Primary);
        await RunAtAsync(bot, 54);

        Assert.Equal($"Escalated page {page.Id} to level 2.", first.Notice);
        Assert.Contains("Nothing was changed", second.Notice);
        Assert.Equal(
            [
                $"page:{page.Id}:L1:dm -> {Primary}",
                $"page:{page.Id}:L1:channel -> channel",
                $"page:{page.Id}:L2:dm -> {Secondary}",
                $"page:{page.Id}:L2:channel -> channel",
            ],
            Sent(bot));
        Assert.Equal(Monday.AddMinutes(55), SinglePage(bot).NextEscalationAt);
        var notice = PlainTextRenderer.Render(PageMessages(bot)[^1].Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("Mike Rodriguez escalated it: level 2, Lisa Wang (secondary on call), is now paged.", notice);
    }
}
