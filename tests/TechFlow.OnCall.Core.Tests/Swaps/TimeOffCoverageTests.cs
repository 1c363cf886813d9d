using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Storage;
using TechFlow.OnCall.Testing;
using static TechFlow.OnCall.Core.Tests.Swaps.SwapTestKit;

namespace TechFlow.OnCall.Core.Tests.Swaps;

/// <summary>Time off that hits a shift already planned: never paged or named, a cover request, reminders, one unit of work.</summary>
public class TimeOffCoverageTests
{
    // Tuesday 2026-11-24 12:00 EST, inside the current (frozen) shift.
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TimeOff_InAFrozenShift_NeverNamedPagesGoToTheOtherRoleAndTheAnswerSaysSo()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2026-11-20");
        await bot.AskAsync("/oncall timeoff add 2026-11-24 2026-11-25", shift.PrimaryId);

        var reply = await bot.AskAsync("/oncall at 2026-11-24T12:00");
        bot.Time.SetUtcNow(Tuesday);
        var page = bot.Get<PageService>().Open(bot.Get<Core.Pipelines.PipelineCatalog>().Get("aggregate-profit")!, "late", "chat", "jordan-blake", Tuesday).Page;
        bot.Time.Advance(TimeSpan.FromMinutes(31));
        bot.Get<PageService>().EscalateDue(bot.Time.GetUtcNow());

        var text = PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("Primary: nobody, uncovered: needs a cover until Thursday 12:00 AM EST", text);
        Assert.Contains($"({Name(bot, shift.PrimaryId)} is away)", text);
        Assert.Contains("pages go to the secondary first, then the escalation chain continues as usual", text);
        Assert.DoesNotContain(reply.People, p => p.Id == shift.PrimaryId);
        Assert.Equal(shift.SecondaryId, Message(bot, PageKeys.Direct(page.Id, 1))!.DirectTo);
        Assert.Null(Message(bot, PageKeys.Direct(page.Id, 2)));
        var third = Message(bot, PageKeys.Direct(page.Id, 3))!;
        Assert.NotEqual(shift.PrimaryId, third.DirectTo);
        Assert.DoesNotContain(bot.Store.Set<OutboxMessage>().Find(m => m.Kind == "page"), m => m.DirectTo == shift.PrimaryId);
    }

    [Fact]
    public async Task TimeOff_InAFrozenShift_OpensACoverRequestAtOnceAndTakingItCoversThePages()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2026-11-20");
        await bot.AskAsync("/oncall timeoff add 2026-11-24 2026-11-25", shift.PrimaryId);
        var request = Single(bot);
        var card = Message(bot, $"swap:{request.Id}:request:channel")!;
        var taker = Outsider(shift);

        var taken = await bot.PressAsync(SwapMessages.Take, request.Id, taker);
        var answer = await bot.AskTextAsync("/oncall at 2026-11-24T12:00");
        var table = await bot.AskAsync("/oncall schedule 2 weeks");
        bot.Time.SetUtcNow(Tuesday);
        var page = bot.Get<PageService>().Open(bot.Get<Core.Pipelines.PipelineCatalog>().Get("aggregate-profit")!, "late", "chat", "jordan-blake", Tuesday).Page;

        Assert.Equal((SwapKind.Cover, (string?)null, "20261124-" + shift.PrimaryId), (request.Kind, request.CounterpartId, request.TimeOffId));
        Assert.Null(card.DirectTo);
        Assert.Contains(card.Reply.Buttons, b => b.ActionId == SwapMessages.Take && b.Value == request.Id);
        Assert.Contains("you now cover", taken.Notice);
        Assert.Contains($"Primary: {Name(bot, taker)} until Thursday 12:00 AM EST", answer);
        Assert.Contains($"(covering for {Name(bot, shift.PrimaryId)}, who is away)", answer);
        Assert.Contains(table.Table!.Rows, r => r[1] == ReplyMarkup.Person(taker) && r[3].Contains($"{Name(bot, shift.PrimaryId)} away; covered by {Name(bot, taker)}", StringComparison.Ordinal));
        Assert.Equal(taker, Message(bot, PageKeys.Direct(page.Id, 1))!.DirectTo);
    }

    [Fact]
    public async Task OpenCover_WhileOpen_RemindsTheChannelDailyAndTellsTheManager48HoursBefore()
    {
        using var bot = TestBot.Create(Monday);
        var shift = ShiftOn(bot, "2026-11-27");
        await bot.AskAsync("/oncall timeoff add 2026-12-01 2026-12-02", shift.PrimaryId);
        var request = Single(bot);
        var work = bot.Get<SwapDueWork>();
        var slotStart = new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero);

        work.RunDue(Monday.AddHours(23));
        var beforeADay = Reminders(bot, request).Count;
        work.RunDue(Monday.AddDays(1));
        work.RunDue(Monday.AddDays(1));
        work.RunDue(Monday.AddDays(2));
        var afterTwoDays = Reminders(bot, request).Count;
        var managerTooEarly = Message(bot, $"swap:{request.Id}:manager");
        work.RunDue(slotStart.AddHours(-48));
        work.RunDue(slotStart.AddHours(-47));

        Assert.Equal(0, beforeADay);
        Assert.Equal(2, afterTwoDays);
        Assert.Equal(3, Reminders(bot, request).Count);
        Assert.All(Reminders(bot, request), m => Assert.Null(m.DirectTo));
        Assert.All(Reminders(bot, request), m => Assert.Contains(m.Reply.Buttons, b => b.ActionId == SwapMessages.Take));
        Assert.Null(managerTooEarly);
        var manager = Message(bot, $"swap:{request.Id}:manager")!;
        Assert.Equal("jordan-blake", manager.DirectTo);
        Assert.Contains("pages go to the other on-call role first", string.Join(" ", manager.Reply.Text));

        await bot.PressAsync(SwapMessages.Take, request.Id, Outsider(shift));
        var reminders = Reminders(bot, request).Count;
        work.RunDue(slotStart.AddHours(-1));
        Assert.Equal(reminders, Reminders(bot, request).Count);
    }

    [Fact]
    public async Task TimeOff_WhenTheCoverRequestCannotBeStored_NothingIsStoredAndTheUserIsTold()
    {
        FailingStore<SwapRequest>? failing = null;
        using var bot = TestBot.Create(Monday, configure: services => services.AddSingleton<IOnCallStore>(sp =>
            failing = new FailingStore<SwapRequest>(new LiteDbStore(":memory:"))));
        var shift = ShiftOn(bot, "2026-11-20");
        var before = Snapshot(bot);
        failing!.Armed = true;

        var reply = await bot.AskAsync("/oncall timeoff add 2026-11-24 2027-01-08", shift.PrimaryId);

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Contains("Nothing was changed", PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix));
        Assert.Equal(0, bot.Store.Set<TimeOff>().Count());
        Assert.Equal(before, Snapshot(bot));
        failing.Armed = false;
        Assert.Equal(ReplyTone.Warning, (await bot.AskAsync("/oncall timeoff add 2026-11-24 2027-01-08", shift.PrimaryId)).Tone);
        Assert.Single(bot.Store.Set<TimeOff>().All());
        Assert.NotEqual(before, Snapshot(bot));
    }

    private static List<OutboxMessage> Reminders(TestBot bot, SwapRequest request) =>
        [.. bot.Store.Set<OutboxMessage>().All().Where(m => m.Id.StartsWith($"swap:{request.Id}:reminder:", StringComparison.Ordinal))];

    private static string Name(TestBot bot, string id) => bot.Get<RosterService>().Find(id)!.Name;
}
