using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.TeamChanges;

namespace TechFlow.OnCall.Testing;

/// <summary>
/// Every kind of reply and post the team-change commands produce, made by the real core on the seed team, for the
/// Slack and Teams renderers' validator tests.
/// </summary>
public static class TeamChangeReplies
{
    /// <summary>Monday 2026-11-23 10:00 EST.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyDictionary<string, Reply>> AllAsync()
    {
        using var bot = TestBot.Create(Monday);
        const string manager = "jordan-blake";
        var replies = new Dictionary<string, Reply>
        {
            ["roster"] = await bot.AskAsync("/oncall team", "sarah-johnson"),
            ["refused"] = await bot.AskAsync("/oncall team add Priya Patel", "sarah-johnson"),
        };
        var add = await bot.AskAsync("/oncall team add Priya Patel junior America/Chicago @U0PRIYA", manager);
        replies["confirm-add"] = add;
        replies["confirmed-add"] = (await bot.PressAsync(TeamMessages.Confirm, add.Buttons[0].Value, manager)).Replacement!;
        var leave = await bot.AskAsync("/oncall team leave mike", manager);
        replies["confirm-leave"] = leave;
        await bot.PressAsync(TeamMessages.Confirm, leave.Buttons[0].Value, manager);
        replies["post-leave"] = bot.Store.Set<OutboxMessage>().Get($"team:{leave.Buttons[0].Value}:channel")!.Reply;
        replies["moved-dm"] = bot.Store.Set<OutboxMessage>().Find(m => m.Kind == "schedule-moved")[0].Reply;
        replies["link"] = await bot.AskAsync("/oncall link lisa @U0LISA", manager);
        replies["link-me"] = await bot.Conversation.AskAsync(new BotInput { FrontEnd = TestFrontEnds.SlackAccounts, PlatformUserId = "U0NEWSARAH", DisplayName = "sarah.j", Text = "/oncall link me sarah" });
        var request = bot.Store.Set<OutboxMessage>().Find(m => m.DirectTo == manager && m.Reply.Buttons.Count > 0 && m.Reply.Buttons[0].ActionId == LinkRequests.Approve)[0].Reply;
        replies["link-request"] = request;
        replies["link-approved"] = (await bot.PressAsync(LinkRequests.Approve, request.Buttons[0].Value, manager)).Replacement!;
        replies["pipeline-add"] = await bot.AskAsync("/oncall pipeline add churn-daily Daily Churn owners lisa sarah criticality high", manager);
        replies["history"] = await bot.AskAsync("/oncall history", manager);
        var roster = bot.Get<RosterService>();
        roster.Save(roster.Find(manager)! with { IsManager = false });
        replies["escalation-hole"] = await bot.AskAsync("/oncall escalation aggregate profit", "sarah-johnson");
        await bot.AskAsync("/oncall page aggregate profit job failed", "sarah-johnson");
        bot.Time.Advance(TimeSpan.FromHours(3));
        bot.Get<PageService>().EscalateDue(bot.Time.GetUtcNow());
        replies["page-skipped"] = bot.Store.Set<OutboxMessage>().Find(m => m.Kind == "page").OrderBy(m => m.Seq).Last().Reply;
        return replies;
    }
}
