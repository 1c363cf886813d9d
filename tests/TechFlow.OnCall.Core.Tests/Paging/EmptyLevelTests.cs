using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Roster;
using static TechFlow.OnCall.Core.Tests.Paging.PagingTestKit;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Paging;

/// <summary>An escalation level with nobody in it is never skipped without a word.</summary>
public class EmptyLevelTests
{
    [Fact]
    public async Task EscalateDue_SecondaryLevelHasNobody_TheNextLevelIsPagedAndTheChannelSaysWhy()
    {
        using var bot = CreateBot(Monday);
        var roster = bot.Get<RosterService>();
        roster.Save(roster.Find(Secondary)! with { LeftOn = new DateOnly(2026, 11, 23) });
        var page = await OpenAsync(bot);

        await RunAtAsync(bot, 31);

        var climbed = bot.Store.Set<Page>().Get(page.Id)!;
        Assert.Equal(3, climbed.Level);
        var post = PlainTextRenderer.Render(PageMessages(bot).Single(m => m.Id == PageKeys.Channel(page.Id, 3)).Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("Level 2 (secondary on call) was skipped: nobody holds it (Lisa Wang left the team)", post);
        var dm = PlainTextRenderer.Render(PageMessages(bot).Single(m => m.Id == PageKeys.Direct(page.Id, 3)).Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("Level 2 (secondary on call) was skipped", dm);
        Assert.Contains(climbed.Notifications, n => n.Level == 3 && n.Skipped.Count == 1 && n.Skipped[0].Contains("Lisa Wang left the team", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escalation_NoEngineeringManager_FlagsTheHole()
    {
        using var bot = CreateBot(Monday);
        var roster = bot.Get<RosterService>();
        roster.Save(roster.Find(Manager)! with { IsManager = false });

        var reply = await bot.AskTextAsync("/oncall escalation aggregate profit", "sarah-johnson");

        Assert.Contains("Hole: level 4 (engineering manager) has nobody (the team has no engineering manager); a page skips it to the next level and says so.", reply);
    }
}
