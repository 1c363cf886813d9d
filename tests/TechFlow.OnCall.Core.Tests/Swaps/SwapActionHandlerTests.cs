using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Testing;
using static TechFlow.OnCall.Core.Tests.Swaps.SwapTestKit;

namespace TechFlow.OnCall.Core.Tests.Swaps;

public class SwapActionHandlerTests
{
    [Fact]
    public async Task HandleAsync_CounterpartApproves_WritesOverridesAndOnCallNamesTheNewPerson()
    {
        using var bot = TestBot.Create(Monday);
        var (request, requester, counterpart) = await RequestSwapAsync(bot);

        var result = await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);

        Assert.Equal(SwapStatus.Approved, Single(bot).Status);
        var overrides = Overrides(bot, request.Id);
        Assert.Equal(2, overrides.Count);
        Assert.Contains(overrides, o => o.EngineerId == counterpart && o.ReplacesId == requester && o.Role == ShiftRole.Primary);
        Assert.Contains(overrides, o => o.EngineerId == requester && o.ReplacesId == counterpart);
        var text = await bot.AskTextAsync("/oncall at 2026-12-05");
        var counterpartName = bot.Get<RosterService>().Find(counterpart)!.Name;
        Assert.Contains($"Primary: {counterpartName}", text);
        Assert.NotNull(result.Replacement);
        Assert.Empty(result.Replacement!.Buttons);
    }

    [Fact]
    public async Task HandleAsync_Approved_UpdatesOriginalMessagesAndTellsEveryone()
    {
        using var bot = TestBot.Create(Monday);
        var (request, requester, counterpart) = await RequestSwapAsync(bot);

        await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);

        var dmUpdate = Message(bot, $"swap:{request.Id}:request:dm:approved");
        Assert.NotNull(dmUpdate);
        Assert.Equal($"swap:{request.Id}:request:dm", dmUpdate!.Updates);
        Assert.Equal(counterpart, dmUpdate.DirectTo);
        Assert.Empty(dmUpdate.Reply.Buttons);
        Assert.Equal($"swap:{request.Id}:request:channel", Message(bot, $"swap:{request.Id}:request:channel:approved")!.Updates);
        Assert.Equal(requester, Message(bot, $"swap:{request.Id}:approved:dm:{requester}")!.DirectTo);
        Assert.Equal(counterpart, Message(bot, $"swap:{request.Id}:approved:dm:{counterpart}")!.DirectTo);
        Assert.Contains(Message(bot, $"swap:{request.Id}:approved:dm:{requester}")!.Reply.Buttons, b => b.ActionId == SwapMessages.Undo);
        Assert.Null(Message(bot, $"swap:{request.Id}:approved:channel")!.DirectTo);
        Assert.Single(bot.Store.Set<SwapAuditEntry>().Find(a => a.Action == "approved"));
    }

    [Fact]
    public async Task HandleAsync_CounterpartDeclines_UpdatesMessagesAndKeepsSchedule()
    {
        using var bot = TestBot.Create(Monday);
        var (request, requester, counterpart) = await RequestSwapAsync(bot);

        var result = await bot.PressAsync(SwapMessages.Decline, request.Id, counterpart);

        Assert.Equal(SwapStatus.Declined, Single(bot).Status);
        Assert.Empty(Overrides(bot, request.Id));
        Assert.Equal($"swap:{request.Id}:request:dm", Message(bot, $"swap:{request.Id}:request:dm:declined")!.Updates);
        Assert.Equal(requester, Message(bot, $"swap:{request.Id}:declined:dm:{requester}")!.DirectTo);
        Assert.Contains("declined", result.Replacement!.Heading, StringComparison.Ordinal);
        Assert.Empty(result.Replacement.Buttons);
    }

    [Fact]
    public async Task HandleAsync_RequesterCancels_CancelledAndCounterpartTold()
    {
        using var bot = TestBot.Create(Monday);
        var (request, requester, counterpart) = await RequestSwapAsync(bot);

        await bot.PressAsync(SwapMessages.Cancel, request.Id, requester);

        Assert.Equal(SwapStatus.Cancelled, Single(bot).Status);
        Assert.NotNull(Message(bot, $"swap:{request.Id}:request:channel:cancelled"));
        Assert.Equal(counterpart, Message(bot, $"swap:{request.Id}:cancelled:dm:{counterpart}")!.DirectTo);
    }

    [Fact]
    public async Task HandleAsync_CounterpartTriesToCancel_RefusedAndNothingChanged()
    {
        using var bot = TestBot.Create(Monday);
        var (request, _, counterpart) = await RequestSwapAsync(bot);
        var before = Snapshot(bot);

        var result = await bot.PressAsync(SwapMessages.Cancel, request.Id, counterpart);

        Assert.Contains("can cancel", result.Notice, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task HandleAsync_UnauthorisedClick_RefusedAndStoreUnchanged()
    {
        using var bot = TestBot.Create(Monday);
        var (request, requester, counterpart) = await RequestSwapAsync(bot);
        var stranger = Bystander(requester, counterpart);
        var before = Snapshot(bot);

        var approve = await bot.PressAsync(SwapMessages.Approve, request.Id, stranger);
        var decline = await bot.PressAsync(SwapMessages.Decline, request.Id, stranger);
        var guest = await bot.PressAsync(SwapMessages.Approve, request.Id, null);
        var own = await bot.PressAsync(SwapMessages.Approve, request.Id, requester);

        Assert.All(new[] { approve, decline, guest, own }, r =>
        {
            Assert.Null(r.Replacement);
            Assert.Contains("Nothing was changed", r.Notice, StringComparison.Ordinal);
        });
        Assert.Equal(before, Snapshot(bot));
    }

    [Theory]
    [InlineData("zzzzzz")]
    [InlineData("../../etc")]
    [InlineData("")]
    [InlineData("' OR 1=1 --")]
    public async Task HandleAsync_TamperedId_RefusedAndStoreUnchanged(string value)
    {
        using var bot = TestBot.Create(Monday);
        var (_, _, counterpart) = await RequestSwapAsync(bot);
        var before = Snapshot(bot);

        var result = await bot.PressAsync(SwapMessages.Approve, value, counterpart);

        Assert.Null(result.Replacement);
        Assert.Contains("no swap or cover request", result.Notice, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task HandleAsync_FiftyConcurrentApprovals_ExactlyOneOverrideSet()
    {
        using var bot = TestBot.Create(Monday);
        var (request, _, counterpart) = await RequestSwapAsync(bot);
        var input = new BotInput { FrontEnd = TestFrontEnds.Chat, EngineerId = counterpart, Action = new BotAction(SwapMessages.Approve, request.Id) };

        var results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(async () => await bot.Conversation.ActAsync(input))));

        Assert.Equal(2, Overrides(bot, request.Id).Count);
        Assert.Equal(2, bot.Store.Set<ScheduleOverride>().Count());
        Assert.Single(bot.Store.Set<SwapAuditEntry>().Find(a => a.Action == "approved"));
        Assert.Single(results, r => r.Notice!.StartsWith("Approved", StringComparison.Ordinal));
        Assert.Equal(49, results.Count(r => r.Notice!.Contains("already approved", StringComparison.Ordinal)));
        Assert.NotNull(Message(bot, $"swap:{request.Id}:approved:channel"));
        Assert.Single(results, r => r.Replacement is not null && r.Notice!.StartsWith("Approved", StringComparison.Ordinal));
        Assert.Equal(5, bot.Store.Set<OutboxMessage>().All().Count(m => m.Id.StartsWith($"swap:{request.Id}:", StringComparison.Ordinal) && m.Id.Contains(":approved", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task HandleAsync_ApprovedTwice_SecondPressChangesNothing()
    {
        using var bot = TestBot.Create(Monday);
        var (request, _, counterpart) = await RequestSwapAsync(bot);
        await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);
        var before = Snapshot(bot);

        var again = await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);

        Assert.Contains("already approved", again.Notice, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task HandleAsync_ManagerApprovesOnBehalf_AuditSaysSo()
    {
        using var bot = TestBot.Create(Monday);
        var (request, _, counterpart) = await RequestSwapAsync(bot);

        await bot.PressAsync(SwapMessages.Approve, request.Id, "jordan-blake");

        var entry = Assert.Single(bot.Store.Set<SwapAuditEntry>().Find(a => a.Action == "approved"));
        Assert.Equal("jordan-blake", entry.ActorId);
        Assert.Equal(counterpart, entry.OnBehalfOfId);
        var history = await bot.AskTextAsync("/oncall history", counterpart);
        Assert.Contains("Jordan Blake on behalf of", history);
    }

    [Fact]
    public async Task HandleAsync_UndoBeforeShift_RestoresScheduleAndTellsEveryone()
    {
        using var bot = TestBot.Create(Monday);
        var (request, requester, counterpart) = await RequestSwapAsync(bot);
        await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);

        var result = await bot.PressAsync(SwapMessages.Undo, request.Id, requester);

        Assert.Equal(SwapStatus.Undone, Single(bot).Status);
        Assert.All(Overrides(bot, request.Id), o => Assert.NotNull(o.CancelledAt));
        var requesterName = bot.Get<RosterService>().Find(requester)!.Name;
        Assert.Contains($"Primary: {requesterName}", await bot.AskTextAsync("/oncall at 2026-12-05"));
        Assert.NotNull(Message(bot, $"swap:{request.Id}:undone:dm:{counterpart}"));
        Assert.NotNull(Message(bot, $"swap:{request.Id}:undone:channel"));
        Assert.Contains("undone", result.Replacement!.Heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_UndoAfterShiftStarted_Refused()
    {
        using var bot = TestBot.Create(Monday);
        var (request, requester, counterpart) = await RequestSwapAsync(bot);
        await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);
        bot.Time.SetUtcNow(Single(bot).ExpiresAt.AddMinutes(1));
        var before = Snapshot(bot);

        var result = await bot.PressAsync(SwapMessages.Undo, request.Id, requester);

        Assert.Contains("can no longer be undone", result.Notice, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(bot));
    }
}
