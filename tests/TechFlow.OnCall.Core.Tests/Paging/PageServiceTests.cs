using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Paging;
using static TechFlow.OnCall.Core.Tests.Paging.PagingTestKit;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Paging;

public class PageServiceTests
{
    [Fact]
    public async Task Open_FromChat_PagesThePrimaryByDirectMessageAndPostsInTheChannel()
    {
        using var bot = CreateBot(Monday);

        var reply = await bot.AskTextAsync("/oncall page aggregate profit job failed at 02:10", "sarah-johnson");

        var page = SinglePage(bot);
        Assert.Contains($"Paged Aggregate Profit: page {page.Id}.", reply);
        Assert.Equal(6, page.Id.Length);
        Assert.Equal("aggregate-profit|job failed at 0210", page.DedupeKey);
        Assert.Equal(("chat", "sarah-johnson", 1, PageStatus.Open), (page.Source, page.OpenedBy, page.Level, page.Status));
        Assert.Equal(Monday.AddMinutes(30), page.NextEscalationAt);
        var dm = PageMessages(bot)[0];
        Assert.Equal((Primary, "page"), (dm.DirectTo, dm.Kind));
        var text = PlainTextRenderer.Render(dm.Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("Mike Rodriguez, you are level 1 (primary on call) for this page. Please acknowledge by Monday 10:30 AM EST", text);
        Assert.Contains("Runbook: ", text);
        Assert.Contains("/oncall runbook aggregate profit", text);
        var channel = PageMessages(bot)[1];
        Assert.Null(channel.DirectTo);
        Assert.Equal(
            [(PageCards.AcknowledgeAction, page.Id), (PageCards.EscalateAction, page.Id), (PageCards.ResolveAction, page.Id)],
            channel.Reply.Buttons.Select(b => (b.ActionId, b.Value)));
    }

    [Theory]
    [InlineData("aggregate-profit job-x failed at 02:10", "aggregate-profit", "job-x failed at 02:10")]
    [InlineData("Aggregate Profit job-x failed", "aggregate-profit", "job-x failed")]
    [InlineData("the daily_growth pipeline: rows missing", "daily-growth", "rows missing")]
    [InlineData("executive investor aggregate / late", "executive-investor-aggregate", "/ late")]
    public async Task Open_PipelineWrittenAnyWay_KeepsTheMessageAsTyped(string args, string pipeline, string message)
    {
        using var bot = CreateBot(Monday);

        await bot.AskAsync($"/oncall page {args}", "sarah-johnson");

        var page = SinglePage(bot);
        Assert.Equal((pipeline, message), (page.PipelineId, page.Message));
    }

    [Fact]
    public async Task Open_SamePipelineAndMessageWhileOpen_JoinsWithoutASecondPing()
    {
        using var bot = CreateBot(Monday);
        var page = await OpenAsync(bot);
        var sent = Sent(bot);

        var reply = await bot.AskTextAsync("/oncall page AGGREGATE profit job FAILED at 02:10", "lisa-wang");
        await bot.AskAsync("/oncall page aggregate profit job failed at 02:10", "alex-chen");

        var joined = SinglePage(bot);
        Assert.Equal(page.Id, joined.Id);
        Assert.Equal(2, joined.JoinCount);
        Assert.Contains("nobody was paged again", reply);
        Assert.Equal(sent, Sent(bot));
    }

    [Fact]
    public async Task Open_AfterTheSamePageWasResolved_OpensANewPage()
    {
        using var bot = CreateBot(Monday);
        var first = await OpenAsync(bot);
        await bot.AskAsync($"/oncall resolve {first.Id}", Primary);

        await bot.AskAsync("/oncall page aggregate profit job failed at 02:10", "sarah-johnson");
        await bot.AskAsync("/oncall page aggregate profit a different problem", "sarah-johnson");

        Assert.Equal(3, bot.Store.Set<Page>().Count());
    }

    [Fact]
    public async Task Resolve_AfterAcknowledge_RecordsTimeToAcknowledgeAndResolve()
    {
        using var bot = CreateBot(Monday);
        var page = await OpenAsync(bot);
        bot.Time.SetUtcNow(Monday.AddMinutes(12));
        var ack = await bot.AskTextAsync($"/oncall ack {page.Id.ToUpperInvariant()}", Primary);
        bot.Time.SetUtcNow(Monday.AddMinutes(72));

        var result = await bot.PressAsync(PageCards.ResolveAction, page.Id, "alex-chen");

        Assert.Contains($"Acknowledged page {page.Id}.", ack);
        Assert.Equal($"Resolved page {page.Id}.", result.Notice);
        Assert.NotNull(result.Replacement);
        Assert.Empty(result.Replacement.Buttons);
        var stored = SinglePage(bot);
        Assert.Equal(PageStatus.Resolved, stored.Status);
        Assert.Equal((Primary, "alex-chen"), (stored.AcknowledgedBy, stored.ResolvedBy));
        Assert.Equal(TimeSpan.FromMinutes(12), stored.TimeToAcknowledge);
        Assert.Equal(TimeSpan.FromMinutes(72), stored.TimeToResolve);
        var update = PageMessages(bot)[^1];
        Assert.Equal(($"page:{page.Id}:resolved:channel", $"page:{page.Id}:L1:channel"), (update.Id, update.Updates));
        Assert.Contains("Resolved by Alex Chen after 1 hour, 12 minutes", PlainTextRenderer.Render(update.Reply, TestFrontEnds.Chat.CommandPrefix));
    }

    [Fact]
    public async Task Resolve_WithoutAcknowledge_CountsTheResolutionAsTheAcknowledgement()
    {
        using var bot = CreateBot(Monday);
        var page = await OpenAsync(bot);
        bot.Time.SetUtcNow(Monday.AddMinutes(20));

        await bot.AskAsync($"/oncall resolve {page.Id}", Secondary);
        await RunAtAsync(bot, 300);

        var stored = SinglePage(bot);
        Assert.Equal((TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(20)), (stored.TimeToAcknowledge!.Value, stored.TimeToResolve!.Value));
        Assert.Equal(3, PageMessages(bot).Count);
    }

    [Fact]
    public async Task PressAsync_Guest_IsRefusedAndNothingChanges()
    {
        using var bot = CreateBot(Monday);
        var page = await OpenAsync(bot);
        var before = StoreSnapshot(bot);

        var ack = await bot.PressAsync(PageCards.AcknowledgeAction, page.Id, null);
        var resolve = await bot.PressAsync(PageCards.ResolveAction, page.Id, "stranger");
        var command = await bot.AskTextAsync($"/oncall resolve {page.Id}");

        Assert.Null(ack.Replacement);
        Assert.Equal("Only engineers on the on-call roster can act on pages. Nothing was changed.", ack.Notice);
        Assert.Null(resolve.Replacement);
        Assert.Contains("Only engineers on the on-call roster", command);
        Assert.Equal(before, StoreSnapshot(bot));
    }

    [Theory]
    [InlineData("nope42")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("page:abc:L1:dm")]
    public async Task PressAsync_TamperedValue_ChangesNothing(string value)
    {
        using var bot = CreateBot(Monday);
        await OpenAsync(bot);
        var before = StoreSnapshot(bot);

        foreach (var action in new[] { PageCards.AcknowledgeAction, PageCards.EscalateAction, PageCards.ResolveAction })
        {
            var result = await bot.PressAsync(action, value, Primary);
            Assert.Null(result.Replacement);
            Assert.EndsWith("Nothing was changed.", result.Notice);
        }

        Assert.Equal(before, StoreSnapshot(bot));
    }

    [Theory]
    [InlineData("/oncall page agg proft job failed", "Did you mean Aggregate Profit?")]
    [InlineData("/oncall page aggregate profit", "Add a short message")]
    [InlineData("/oncall page", "Which pipeline")]
    [InlineData("/oncall ack", "Which page?")]
    [InlineData("/oncall ack zzzzzz", "I can't find page zzzzzz.")]
    public async Task AskAsync_BadInput_ExplainsAndStoresNothing(string text, string expected)
    {
        using var bot = CreateBot(Monday);
        var before = StoreSnapshot(bot);

        var reply = await bot.AskTextAsync(text, "sarah-johnson");

        Assert.Contains(expected, reply);
        Assert.Equal(before, StoreSnapshot(bot));
    }

    [Fact]
    public async Task AskAsync_Pages_ListsOnlyOpenPages()
    {
        using var bot = CreateBot(Monday);
        var first = await OpenAsync(bot);
        await bot.AskAsync("/oncall page daily growth numbers look flat", "sarah-johnson");
        await bot.AskAsync($"/oncall resolve {first.Id}", Primary);
        bot.Time.SetUtcNow(Monday.AddMinutes(5));

        var text = await bot.AskTextAsync("/oncall pages", Primary);

        Assert.Contains("1 open page", text);
        Assert.Contains("numbers look flat", text);
        Assert.Contains("5 minutes ago", text);
        Assert.DoesNotContain(first.Id, text);
    }
}
