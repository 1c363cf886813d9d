using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.TeamChanges;
using TechFlow.OnCall.Testing;
using static TechFlow.OnCall.Core.Tests.Swaps.SwapTestKit;

namespace TechFlow.OnCall.Core.Tests.TeamChanges;

/// <summary><c>/oncall link me</c>: an unlinked chat user asks, an admin approves or declines with a button.</summary>
public class LinkRequestTests
{
    private static ValueTask<Reply> AskAsSlackUser(TestBot bot, string text, string userId = "U0NEWLISA") =>
        bot.Conversation.AskAsync(new BotInput { FrontEnd = TestFrontEnds.SlackAccounts, PlatformUserId = userId, DisplayName = "lisa.w", Text = text });

    private static OutboxMessage RequestTo(TestBot bot, string adminId) =>
        Assert.Single(bot.Store.Set<OutboxMessage>().All(), m => m.DirectTo == adminId && m.Reply.Buttons.Any(b => b.ActionId == LinkRequests.Approve));

    [Fact]
    public async Task LinkMe_ApprovedByAnAdmin_LinksTheIdentityAuditedAndPosted()
    {
        using var bot = TestBot.Create(Monday);

        var asked = PlainTextRenderer.Render(await AskAsSlackUser(bot, "/oncall link me lisa"), TestFrontEnds.Chat.CommandPrefix);
        var request = RequestTo(bot, "jordan-blake");
        var id = request.Reply.Buttons[0].Value;
        var result = await bot.PressAsync(LinkRequests.Approve, id, "jordan-blake");

        Assert.Contains("I asked Alex Chen, Jordan Blake to link you to Lisa Wang", asked);
        Assert.Equal(id, RequestTo(bot, "alex-chen").Reply.Buttons[0].Value);
        Assert.Contains("Slack user U0NEWLISA (lisa.w) asks to be linked to Lisa Wang", PlainTextRenderer.Render(request.Reply, TestFrontEnds.Chat.CommandPrefix));
        Assert.Equal("Linked.", result.Notice);
        Assert.Equal("U0NEWLISA", bot.Get<RosterService>().Find("lisa-wang")!.SlackUserId);
        Assert.Contains("linked Slack user U0NEWLISA to Lisa Wang", await bot.AskTextAsync("/oncall history", "jordan-blake"));
        Assert.Contains(bot.Store.Set<OutboxMessage>().All(), m => m.DirectTo == "lisa-wang" && m.Id == $"team:{id}:linked");
        Assert.Contains(bot.Store.Set<OutboxMessage>().All(), m => m.Kind == "team" && m.DirectTo is null && PlainTextRenderer.Render(m.Reply, TestFrontEnds.Chat.CommandPrefix).Contains("linked Slack user U0NEWLISA", StringComparison.Ordinal));
        Assert.Contains("already approved", (await bot.PressAsync(LinkRequests.Approve, id, "jordan-blake")).Notice);
    }

    [Fact]
    public async Task LinkMe_Declined_ChangesNothing()
    {
        using var bot = TestBot.Create(Monday);
        await AskAsSlackUser(bot, "/oncall link me lisa");
        var id = RequestTo(bot, "jordan-blake").Reply.Buttons[0].Value;

        var result = await bot.PressAsync(LinkRequests.Decline, id, "jordan-blake");

        Assert.Contains("Declined by Jordan Blake", PlainTextRenderer.Render(result.Replacement!, TestFrontEnds.Chat.CommandPrefix));
        Assert.Null(bot.Get<RosterService>().Find("lisa-wang")!.SlackUserId);
        Assert.Empty(bot.Store.Set<TeamAuditEntry>().All());
        Assert.Contains("already declined", (await bot.PressAsync(LinkRequests.Approve, id, "jordan-blake")).Notice);
    }

    [Fact]
    public async Task Approve_ByANonAdmin_IsRefusedAndChangesNothing()
    {
        using var bot = TestBot.Create(Monday);
        await AskAsSlackUser(bot, "/oncall link me lisa");
        var id = RequestTo(bot, "jordan-blake").Reply.Buttons[0].Value;

        var result = await bot.PressAsync(LinkRequests.Approve, id, "sarah-johnson");
        var typed = await bot.AskAsync($"/oncall team confirm {id}", "jordan-blake");

        Assert.Contains("Only an admin", result.Notice);
        Assert.Equal(ReplyTone.Error, typed.Tone);
        Assert.Null(bot.Get<RosterService>().Find("lisa-wang")!.SlackUserId);
        Assert.Empty(bot.Store.Set<TeamAuditEntry>().All());
    }

    [Fact]
    public async Task Approve_AfterADay_ExpiresAndChangesNothing()
    {
        using var bot = TestBot.Create(Monday);
        await AskAsSlackUser(bot, "/oncall link me lisa");
        var id = RequestTo(bot, "jordan-blake").Reply.Buttons[0].Value;
        bot.Time.Advance(TimeSpan.FromDays(2));

        var typed = PlainTextRenderer.Render(await bot.AskAsync($"/oncall link approve {id}", "jordan-blake"), TestFrontEnds.Chat.CommandPrefix);

        Assert.Contains("expired", typed);
        Assert.Null(bot.Get<RosterService>().Find("lisa-wang")!.SlackUserId);
    }

    [Fact]
    public async Task Approve_WhenTheAccountWasLinkedMeanwhile_SaysWhyAndChangesNothing()
    {
        using var bot = TestBot.Create(Monday);
        await AskAsSlackUser(bot, "/oncall link me lisa");
        var id = RequestTo(bot, "jordan-blake").Reply.Buttons[0].Value;
        await bot.AskAsync("/oncall link mike @U0NEWLISA", "jordan-blake");

        var result = await bot.PressAsync(LinkRequests.Approve, id, "jordan-blake");

        Assert.Contains("already linked to Mike Rodriguez", result.Notice);
        Assert.Null(bot.Get<RosterService>().Find("lisa-wang")!.SlackUserId);
        Assert.Equal(TeamChangeStatus.Pending, bot.Store.Set<TeamChangeRequest>().Get(id)!.Status);
    }

    [Theory]
    [InlineData("/oncall link me nobodyknown", "U0NEWLISA", "I don't know an engineer")]
    [InlineData("/oncall link me lisa", "U0LINKED", "already linked to a Slack account")]
    public async Task LinkMe_BadRequest_SaysWhyAndSendsNothing(string text, string userId, string expected)
    {
        using var bot = TestBot.Create(Monday);
        var roster = bot.Get<RosterService>();
        roster.Save(roster.Find("lisa-wang")! with { SlackUserId = userId == "U0LINKED" ? "U0REALLISA" : null });
        var before = bot.Store.Set<OutboxMessage>().All().Count;

        var reply = await AskAsSlackUser(bot, text, userId);

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains(expected, PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix));
        Assert.Equal(before, bot.Store.Set<OutboxMessage>().All().Count);
        Assert.Empty(bot.Store.Set<TeamChangeRequest>().All());
    }

    [Fact]
    public async Task LinkMe_FromAnAlreadyLinkedUser_IsRefused()
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskAsync("/oncall link me lisa", "sarah-johnson", TestFrontEnds.SlackAccounts);

        Assert.Contains("already linked as Sarah Johnson", PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix));
        Assert.Empty(bot.Store.Set<TeamChangeRequest>().All());
    }
}
