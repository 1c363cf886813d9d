using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Testing;
using static TechFlow.OnCall.Core.Tests.Swaps.SwapTestKit;

namespace TechFlow.OnCall.Core.Tests.Swaps;

public class SwapDueWorkTests
{
    [Fact]
    public async Task RunDueAsync_DayBeforeTheShift_RemindsOnce()
    {
        using var bot = TestBot.Create(Monday);
        var (request, _, counterpart) = await RequestSwapAsync(bot);
        var work = Assert.Single(bot.Get<IEnumerable<IDueWork>>().OfType<SwapDueWork>());
        var early = request.ExpiresAt.AddHours(-25);
        await work.RunDueAsync(early, CancellationToken.None);
        Assert.Null(Message(bot, $"swap:{request.Id}:reminder"));

        await work.RunDueAsync(request.ExpiresAt.AddHours(-23), CancellationToken.None);
        var afterFirst = Snapshot(bot);
        await work.RunDueAsync(request.ExpiresAt.AddHours(-22), CancellationToken.None);

        var reminder = Message(bot, $"swap:{request.Id}:reminder")!;
        Assert.Equal(counterpart, reminder.DirectTo);
        Assert.StartsWith("Reminder", reminder.Reply.Heading, StringComparison.Ordinal);
        Assert.Contains(reminder.Reply.Buttons, b => b.ActionId == SwapMessages.Approve);
        Assert.Equal(afterFirst, Snapshot(bot));
        Assert.Equal(SwapStatus.Open, Single(bot).Status);
    }

    [Fact]
    public async Task RunDueAsync_WhenTheShiftStarts_ExpiresAndUpdatesTheMessagesOnce()
    {
        using var bot = TestBot.Create(Monday);
        var (request, requester, counterpart) = await RequestSwapAsync(bot);
        var work = bot.Get<IEnumerable<IDueWork>>().OfType<SwapDueWork>().Single();
        await work.RunDueAsync(request.ExpiresAt.AddHours(-23), CancellationToken.None);

        await work.RunDueAsync(request.ExpiresAt, CancellationToken.None);
        var afterFirst = Snapshot(bot);
        await work.RunDueAsync(request.ExpiresAt.AddMinutes(1), CancellationToken.None);

        Assert.Equal(SwapStatus.Expired, Single(bot).Status);
        Assert.Equal(afterFirst, Snapshot(bot));
        foreach (var key in new[] { "request:dm", "request:channel", "reminder" })
        {
            var update = Message(bot, $"swap:{request.Id}:{key}:expired")!;
            Assert.Equal($"swap:{request.Id}:{key}", update.Updates);
            Assert.Empty(update.Reply.Buttons);
        }

        Assert.Equal(requester, Message(bot, $"swap:{request.Id}:expired:dm:{requester}")!.DirectTo);
        bot.Time.SetUtcNow(request.ExpiresAt.AddMinutes(2));
        var late = await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);
        Assert.Contains("already expired", late.Notice, StringComparison.Ordinal);
        Assert.Empty(Overrides(bot, request.Id));
    }

    [Fact]
    public async Task RunDueAsync_AskedWithinADayOfTheShift_NoSeparateReminder()
    {
        using var bot = TestBot.Create(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        var shift = ShiftOn(bot, "2026-12-04");
        await bot.AskTextAsync($"/oncall swap 2026-12-04 with @{Outsider(shift)}", shift.PrimaryId);
        var request = Single(bot);
        var work = bot.Get<IEnumerable<IDueWork>>().OfType<SwapDueWork>().Single();

        await work.RunDueAsync(request.ExpiresAt.AddMinutes(-30), CancellationToken.None);

        Assert.Null(Message(bot, $"swap:{request.Id}:reminder"));
        Assert.Equal(SwapStatus.Open, Single(bot).Status);
    }
}
