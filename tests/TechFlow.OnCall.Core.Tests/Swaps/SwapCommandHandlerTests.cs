using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Testing;
using static TechFlow.OnCall.Core.Tests.Swaps.SwapTestKit;

namespace TechFlow.OnCall.Core.Tests.Swaps;

public class SwapCommandHandlerTests
{
    [Fact]
    public async Task HandleAsync_SwapWithSomeone_AsksThemAndTheChannelWithButtons()
    {
        using var bot = TestBot.Create(Monday);

        var (request, requester, counterpart) = await RequestSwapAsync(bot);

        Assert.Equal(SwapStatus.Open, request.Status);
        Assert.Equal(SwapKind.Swap, request.Kind);
        Assert.NotNull(request.CounterpartStart);
        Assert.Matches("^[a-z2-9]{6}$", request.Id);
        var dm = Message(bot, $"swap:{request.Id}:request:dm")!;
        Assert.Equal(counterpart, dm.DirectTo);
        Assert.Equal([SwapMessages.Approve, SwapMessages.Decline], dm.Reply.Buttons.Select(b => b.ActionId));
        Assert.All(dm.Reply.Buttons, b => Assert.Equal(request.Id, b.Value));
        Assert.Null(Message(bot, $"swap:{request.Id}:request:channel")!.DirectTo);
        var text = PlainTextRenderer.Render(dm.Reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("Holidays:", text);
        Assert.Contains("Investor period:", text);
        Assert.Contains("2026 shifts:", text);
        Assert.Contains("Primary:", text);
        Assert.NotEqual(requester, counterpart);
        Assert.Single(bot.Store.Set<SwapAuditEntry>().Find(a => a.Action == "requested"));
    }

    [Fact]
    public async Task HandleAsync_PeopleInDifferentZones_ShowsEachZone()
    {
        using var bot = TestBot.Create(Monday);
        var shift = bot.Store.Set<Shift>().All().OrderBy(s => s.Start)
            .First(s => s.Start > Monday.AddDays(7) && s.PrimaryId != "lisa-wang" && s.SecondaryId != "lisa-wang");
        var reply = await bot.AskTextAsync($"/oncall swap {shift.Id} with @lisa-wang", shift.PrimaryId);
        Assert.Contains("is sent", reply);

        var dm = PlainTextRenderer.Render(Message(bot, $"swap:{Single(bot).Id}:request:dm")!.Reply, TestFrontEnds.Chat.CommandPrefix);

        Assert.Contains("PST", dm);
    }

    [Fact]
    public async Task HandleAsync_UnknownPerson_RefusedAndNothingChanged()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2026-12-04");
        var before = Snapshot(bot);

        var text = await bot.AskTextAsync("/oncall swap 2026-12-04 with @nobody", shift.PrimaryId);

        Assert.Contains("I don't know who \"@nobody\" is", text);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task HandleAsync_Guest_Refused()
    {
        using var bot = TestBot.Create(Monday);
        var before = Snapshot(bot);

        var text = await bot.AskTextAsync("/oncall swap next with @sarah");

        Assert.Contains("I don't know who you are", text);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task HandleAsync_CounterpartOffDuringMyShift_RefusedWithTheReason()
    {
        using var bot = TestBot.Create(Monday);
        var mine = ShiftOn(bot, "2026-12-04");
        var counterpart = Outsider(mine);
        var theirs = bot.Store.Set<Shift>().All().OrderBy(s => s.Start)
            .First(s => s.Start > mine.End && (s.PrimaryId == counterpart || s.SecondaryId == counterpart) && s.PrimaryId != mine.PrimaryId && s.SecondaryId != mine.PrimaryId);
        bot.Store.Write(s => s.Set<TimeOff>().Upsert(new TimeOff { Id = "off-1", EngineerId = counterpart, From = new DateOnly(2026, 12, 5), To = new DateOnly(2026, 12, 7) }));
        var before = Snapshot(bot);

        var text = await bot.AskTextAsync($"/oncall swap 2026-12-04 with @{counterpart} for {theirs.Id}", mine.PrimaryId);

        Assert.Contains("is off Sat Dec 5 – Mon Dec 7", text);
        Assert.Contains("Nothing was changed", text);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task HandleAsync_TimeOffAddedBeforeApproval_ApprovalRefused()
    {
        using var bot = TestBot.Create(Monday);
        var (request, _, counterpart) = await RequestSwapAsync(bot);
        bot.Store.Write(s => s.Set<TimeOff>().Upsert(new TimeOff { Id = "off-2", EngineerId = counterpart, From = new DateOnly(2026, 12, 6), To = new DateOnly(2026, 12, 6) }));
        var before = Snapshot(bot);

        var result = await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);

        Assert.Contains("is off", result.Notice, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task HandleAsync_WithoutFor_ProposesAShiftClearOfTimeOff()
    {
        using var bot = TestBot.Create(Monday);
        var mine = ShiftOn(bot, "2026-12-04");
        var counterpart = Outsider(mine);
        var service = bot.Get<SwapService>();
        var schedule = bot.Get<SwapSchedule>();
        var roster = bot.Get<RosterService>();
        var mySlot = schedule.SlotIn(mine.PrimaryId, mine.Window)!;
        var (first, _) = service.Propose(roster.Find(mine.PrimaryId)!, mySlot, roster.Find(counterpart)!, Monday);
        Assert.NotNull(first);
        var firstDay = bot.Get<TeamClock>().LocalDate(first!.Start).AddDays(1);
        bot.Store.Write(s => s.Set<TimeOff>().Upsert(new TimeOff { Id = "off-3", EngineerId = mine.PrimaryId, From = firstDay, To = firstDay }));

        var text = await bot.AskTextAsync($"/oncall swap 2026-12-04 with @{counterpart}", mine.PrimaryId);

        Assert.Contains("is sent", text);
        var request = Single(bot);
        Assert.NotEqual(first.Start, request.CounterpartStart);
        Assert.Null(schedule.Problem(roster.Find(mine.PrimaryId)!, request.CounterpartSlot()!, mySlot));
    }

    [Fact]
    public async Task HandleAsync_SameShiftTradedTwice_SecondRefused()
    {
        using var bot = TestBot.Create(Monday);
        var (request, requester, counterpart) = await RequestSwapAsync(bot);
        var other = Outsider(ShiftOn(bot, "2026-12-04"), counterpart);
        var before = Snapshot(bot);

        var text = await bot.AskTextAsync($"/oncall cover 2026-12-05 2026-12-06 @{other}", requester);

        Assert.Contains($"Request {request.Id} already asks to trade that shift", text);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task HandleAsync_OpenCover_ChannelGetsTakeItAndATakerCovers()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2026-12-04");
        var taker = Outsider(shift);

        var text = await bot.AskTextAsync("/oncall cover 2026-12-05 2026-12-06", shift.PrimaryId);
        var request = Single(bot);
        var channel = Message(bot, $"swap:{request.Id}:request:channel")!;
        var result = await bot.PressAsync(SwapMessages.Take, request.Id, taker);

        Assert.Contains("posted in the team channel for anyone", text);
        Assert.Null(Message(bot, $"swap:{request.Id}:request:dm"));
        Assert.Equal([SwapMessages.Take], channel.Reply.Buttons.Select(b => b.ActionId));
        Assert.StartsWith("Thanks", result.Notice, StringComparison.Ordinal);
        var cover = Assert.Single(Overrides(bot, request.Id));
        Assert.Equal(taker, cover.EngineerId);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 5, 0, 0, TimeSpan.Zero), cover.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero), cover.End);
        var takerName = bot.Get<RosterService>().Find(taker)!.Name;
        Assert.Contains($"Primary: {takerName}", await bot.AskTextAsync("/oncall at 2026-12-06"));
        Assert.DoesNotContain($"Primary: {takerName}", await bot.AskTextAsync("/oncall at 2026-12-08"));
    }

    [Fact]
    public async Task HandleAsync_CoverSpanningTwoOfMyShifts_RefusedWithTheReason()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2026-12-04");
        var before = Snapshot(bot);

        var text = await bot.AskTextAsync("/oncall cover 2026-11-25 2026-12-20", shift.PrimaryId);

        Assert.Contains("shifts; ask for one cover per shift", text);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task HandleAsync_ManagerAsksOnBehalf_RequesterToldAndAuditSaysSo()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2026-12-04");
        var counterpart = Outsider(shift);

        var text = await bot.AskTextAsync($"/oncall swap 2026-12-04 with @{counterpart} on behalf of @{shift.PrimaryId}", "jordan-blake");

        Assert.Contains("is sent", text);
        var request = Single(bot);
        Assert.Equal(shift.PrimaryId, request.RequesterId);
        Assert.Equal("jordan-blake", request.CreatedById);
        Assert.Equal(shift.PrimaryId, Message(bot, $"swap:{request.Id}:request:dm-requester")!.DirectTo);
        var entry = Assert.Single(bot.Store.Set<SwapAuditEntry>().All());
        Assert.Equal(shift.PrimaryId, entry.OnBehalfOfId);
    }

    [Fact]
    public async Task HandleAsync_EngineerAsksOnBehalf_Refused()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2026-12-04");
        var counterpart = Outsider(shift);
        var actor = Bystander(shift.PrimaryId, counterpart);
        var before = Snapshot(bot);

        var text = await bot.AskTextAsync($"/oncall swap 2026-12-04 with @{counterpart} on behalf of @{shift.PrimaryId}", actor);

        Assert.Contains("Only a manager or admin", text);
        Assert.Equal(before, Snapshot(bot));
    }

    [Fact]
    public async Task HandleAsync_SwapsAndCancelByCommand_ListThenCancel()
    {
        using var bot = TestBot.Create(Monday);
        var (request, requester, _) = await RequestSwapAsync(bot);

        var list = await bot.AskTextAsync("/oncall swaps", requester);
        var cancel = await bot.AskTextAsync($"/oncall swap cancel {request.Id.ToUpperInvariant()}", requester);
        var after = await bot.AskTextAsync("/oncall swaps", requester);

        Assert.Contains(request.Id, list);
        Assert.Contains("cancelled", cancel);
        Assert.Contains("No open swap or cover requests", after);
        Assert.Equal(SwapStatus.Cancelled, Single(bot).Status);
    }

    [Fact]
    public async Task HandleAsync_HistoryForSomeone_ListsTheirEntries()
    {
        using var bot = TestBot.Create(Monday);
        var (request, _, counterpart) = await RequestSwapAsync(bot);
        await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);
        var name = bot.Get<RosterService>().Find(counterpart)!.FirstName.ToLowerInvariant();

        var text = await bot.AskTextAsync($"/oncall history @{name}", counterpart);

        Assert.Contains(request.Id, text);
        Assert.Contains("approved", text);
        Assert.Contains("swap requested", text);
    }
}
