using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Paging;

public class PageRunbookLinkTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Page_TextMatchesARunbookIssue_LinksThatIssue()
    {
        using var bot = TestBot.Create(Monday);

        await bot.AskAsync("/oncall page aggregate profit the exchange rate API is down, currency conversion failing", "sarah-johnson");

        var post = bot.Store.Set<OutboxMessage>().All().Single(m => m.Kind == "page" && m.DirectTo is null);
        Assert.Contains("Runbook: \"Currency conversion fails or uses a stale rate\"", PlainTextRenderer.Render(post.Reply, TestFrontEnds.Chat.CommandPrefix));
    }
}
