using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Core.TeamChanges;
using TechFlow.OnCall.Testing;
using static TechFlow.OnCall.Core.Tests.Swaps.SwapTestKit;

namespace TechFlow.OnCall.Core.Tests.TeamChanges;

/// <summary>Joining and leaving from chat: confirmed first, re-planned fairly, covers opened, everyone told, audited.</summary>
public class TeamChangeTests
{
    private const string Manager = "jordan-blake";

    [Fact]
    public async Task Add_Confirmed_NewEngineerGetsAFairShareFromTheFirstUnfrozenWeekAndEveryoneMovedIsTold()
    {
        using var bot = TestBot.Create(Monday);
        var card = await bot.AskAsync("/oncall team add Priya Patel mid America/Chicago", Manager);
        Assert.Null(bot.Get<RosterService>().Find("priya-patel"));
        var confirm = Assert.Single(card.Buttons, b => b.ActionId == TeamMessages.Confirm);

        var result = await bot.PressAsync(TeamMessages.Confirm, confirm.Value, Manager);

        Assert.Contains("Done.", result.Notice);
        var priya = bot.Get<RosterService>().Find("priya-patel")!;
        Assert.Equal((Seniority.MidLevel, "America/Chicago"), (priya.Seniority, priya.TimeZone));
        var frozenUntil = Monday.AddDays(14);
        var year = bot.Get<EffectiveSchedule>().Shifts(Monday, Monday.AddDays(364));
        Assert.DoesNotContain(year.Where(s => s.Start < frozenUntil).SelectMany(s => s.AllSlices()), s => s.HolderId == "priya-patel");
        var replanned = year.Where(s => s.Start >= frozenUntil).ToList();
        var primaries = Rotation.Append("priya-patel").ToDictionary(id => id, id => replanned.Count(s => s.Primary[0].HolderId == id));
        Assert.InRange(primaries["priya-patel"], primaries.Values.Min(), primaries.Values.Max());
        Assert.True(primaries["priya-patel"] >= (replanned.Count / 5) - 2, $"priya has {primaries["priya-patel"]} of {replanned.Count} primaries");
        var moved = bot.Store.Set<OutboxMessage>().Find(m => m.Kind == "schedule-moved").Select(m => m.DirectTo).Distinct().ToList();
        Assert.NotEmpty(moved);
        var post = PlainTextRenderer.Render(Message(bot, $"team:{confirm.Value}:channel")!.Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("Priya Patel joins the rotation as mid-level", post);
        Assert.Contains("were told what moved", post);
        Assert.Contains("Priya Patel joins the rotation", await bot.AskTextAsync("/oncall history", "sarah-johnson"));
    }

    [Fact]
    public async Task Leave_Today_NoShiftChainOrOwnerPointsAtThemFrozenSlotsBecomeCoversAndHistoryStays()
    {
        using var bot = TestBot.Create(Monday);
        var current = ShiftOn(bot, "2026-11-20");
        var leaver = current.SecondaryId;
        var pastShifts = bot.Store.Set<Shift>().Find(s => s.Start < Monday).Count(s => s.PrimaryId == leaver || s.SecondaryId == leaver);
        var card = await bot.AskAsync($"/oncall team leave {leaver}", Manager);
        Assert.Contains(card.Text, t => t.Contains("become", StringComparison.Ordinal) && t.Contains("open cover request", StringComparison.Ordinal));

        var result = await bot.PressAsync(TeamMessages.Confirm, card.Buttons[0].Value, Manager);

        Assert.Contains("Done.", result.Notice);
        var slices = bot.Get<EffectiveSchedule>().Between(Monday, Monday.AddDays(364));
        Assert.DoesNotContain(slices, s => s.HolderId == leaver);
        Assert.DoesNotContain(slices.Where(s => s.Start >= Monday.AddDays(14)), s => s.IsUncovered);
        Assert.DoesNotContain(bot.Store.Set<Pipeline>().All(), p => p.PrimaryOwnerId == leaver || p.SecondaryOwnerId == leaver);
        foreach (var pipeline in bot.Get<PipelineCatalog>().All)
        {
            Assert.DoesNotContain(bot.Get<EscalationService>().Chain(pipeline, Monday.AddDays(20)), s => s.Engineer?.Id == leaver);
        }

        var covers = bot.Store.Set<SwapRequest>().Find(r => r.Status == SwapStatus.Open);
        Assert.NotEmpty(covers);
        Assert.All(covers, c => Assert.Equal((leaver, RosterChanges.LeftPrefix + leaver), (c.RequesterId, c.TimeOffId)));
        Assert.Contains("left the team", PlainTextRenderer.Render(Message(bot, $"swap:{covers[0].Id}:request:channel")!.Reply, TestFrontEnds.Chat.CommandPrefix));
        Assert.Equal(pastShifts, bot.Store.Set<Shift>().Find(s => s.Start < Monday).Count(s => s.PrimaryId == leaver || s.SecondaryId == leaver));
        Assert.Equal(new DateOnly(2026, 11, 23), bot.Get<RosterService>().Find(leaver)!.LeftOn);
        Assert.Contains("left", await bot.AskTextAsync("/oncall team", "sarah-johnson"));
    }

    [Fact]
    public async Task Rejoin_AfterALeave_TheyAreBackInTheRotation()
    {
        using var bot = TestBot.Create(Monday);
        await ConfirmAsync(bot, "/oncall team leave lisa on 2026-12-01");

        await ConfirmAsync(bot, "/oncall team rejoin lisa");

        Assert.Null(bot.Get<RosterService>().Find("lisa-wang")!.LeftOn);
        Assert.Contains(bot.Get<EffectiveSchedule>().Between(Monday.AddDays(14), Monday.AddDays(364)), s => s.HolderId == "lisa-wang");
    }

    [Fact]
    public async Task Confirm_Twice_TheSecondChangesNothing()
    {
        using var bot = TestBot.Create(Monday);
        var id = await ConfirmAsync(bot, "/oncall team add Priya Patel junior");
        var before = Snapshot(bot);

        var again = await bot.PressAsync(TeamMessages.Confirm, id, Manager);

        Assert.Contains("already made", again.Notice);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task Link_ByAnAdmin_TheSlackUserIsThatEngineerAndItIsAudited()
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskTextAsync("/oncall link lisa @U0LISA", Manager);

        Assert.Contains("Linked Slack user U0LISA to Lisa Wang", reply);
        Assert.Equal("lisa-wang", bot.Get<RosterService>().BySlackId("U0LISA")?.Id);
        Assert.Contains("linked Slack user U0LISA to Lisa Wang", await bot.AskTextAsync("/oncall history lisa", "sarah-johnson"));
        Assert.Contains("U0LISA", await bot.AskTextAsync("/oncall team", "sarah-johnson"));
    }

    [Fact]
    public async Task Admins_FromConfiguration_MayChangeTheTeam()
    {
        using var bot = TestBot.Create(Monday, new Dictionary<string, string?> { ["Team:Admins:0"] = "sarah-johnson" });

        var card = await bot.AskAsync("/oncall team add Priya Patel", "sarah-johnson");

        Assert.Contains(card.Buttons, b => b.ActionId == TeamMessages.Confirm);
    }

    [Theory]
    [InlineData("/oncall team add Priya Patel mid")]
    [InlineData("/oncall team leave mike")]
    [InlineData("/oncall link lisa @U0LISA")]
    [InlineData("/oncall team edit lisa seniority senior")]
    public async Task Command_FromANonAdmin_IsRefusedAndNothingChanges(string text)
    {
        using var bot = TestBot.Create(Monday);
        var before = Snapshot(bot) + Roster(bot);

        var reply = await bot.AskAsync(text, "sarah-johnson");

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains("Only an admin", PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix));
        Assert.Equal(before, Snapshot(bot) + Roster(bot));
        Assert.Empty(bot.Store.Set<TeamChangeRequest>().All());
    }

    [Fact]
    public async Task Confirm_PressedByANonAdmin_IsRefusedAndNothingChanges()
    {
        using var bot = TestBot.Create(Monday);
        var card = await bot.AskAsync("/oncall team leave mike", Manager);
        var before = Snapshot(bot) + Roster(bot);

        var result = await bot.PressAsync(TeamMessages.Confirm, card.Buttons[0].Value, "lisa-wang");

        Assert.Contains("Only an admin", result.Notice);
        Assert.Equal(before, Snapshot(bot) + Roster(bot));
    }

    [Theory]
    [InlineData("/oncall team add Priya Patel mid Mars/Olympus", "not a time zone")]
    [InlineData("/oncall team add Priya Patel America/Chicago wizard", "not a seniority")]
    [InlineData("/oncall team edit lisa seniority wizard", "not a seniority")]
    [InlineData("/oncall team edit lisa timezone Nowhere/Land", "not a time zone")]
    [InlineData("/oncall team add Lisa Wang junior", "already an engineer called Lisa Wang")]
    [InlineData("/oncall team leave mike on 2026-11-01", "in the past")]
    [InlineData("/oncall team leave nobody-here", "I don't know an engineer")]
    [InlineData("/oncall team rejoin mike", "has not left")]
    [InlineData("/oncall link lisa @notanid", "not a Slack user")]
    public async Task Command_BadValue_SaysWhyAndChangesNothing(string text, string expected)
    {
        using var bot = TestBot.Create(Monday);
        var before = Snapshot(bot) + Roster(bot);

        var reply = await bot.AskAsync(text, Manager);

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains(expected, PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix));
        Assert.Equal(before, Snapshot(bot) + Roster(bot));
        Assert.Empty(bot.Store.Set<TeamChangeRequest>().All());
    }

    /// <summary>Proposes <paramref name="text"/> as the manager and confirms it by typing; returns the change id.</summary>
    private static async Task<string> ConfirmAsync(TestBot bot, string text)
    {
        var card = await bot.AskAsync(text, Manager);
        var id = Assert.Single(card.Buttons, b => b.ActionId == TeamMessages.Confirm).Value;
        var done = await bot.AskTextAsync($"/oncall team confirm {id}", Manager);
        Assert.Contains("Done.", done);
        return id;
    }

    private static string Roster(TestBot bot) =>
        System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<Engineer>().All().OrderBy(e => e.Id))
        + System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<Pipeline>().All().OrderBy(p => p.Id))
        + System.Text.Json.JsonSerializer.Serialize(bot.Store.Set<TeamAuditEntry>().All().OrderBy(p => p.Id));
}
