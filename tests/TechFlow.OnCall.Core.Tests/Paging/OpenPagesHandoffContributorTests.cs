using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Paging;

public class OpenPagesHandoffContributorTests
{
    // Friday 2026-11-27 10:00 America/New_York: the handoff reminder is due.
    private static readonly DateTimeOffset FridayMorning = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task HandoffReminder_OpenPage_ListsIt()
    {
        using var bot = TestBot.Create(FridayMorning.AddHours(-2));
        await bot.AskAsync("/oncall page aggregate profit billing feed late", "sarah-johnson");
        bot.Time.SetUtcNow(FridayMorning);

        bot.Get<AnnouncementPlanner>().Plan(FridayMorning);

        var reminder = bot.Store.Set<OutboxMessage>().Get("handoff-reminder:2026-11-27");
        Assert.NotNull(reminder);
        var text = PlainTextRenderer.Render(reminder.Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("1 page is still open:", text);
        Assert.Contains("Aggregate Profit: billing feed late (not acknowledged)", text);
    }
}
