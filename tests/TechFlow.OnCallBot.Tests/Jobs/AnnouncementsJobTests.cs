using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Quartz;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Jobs;

namespace TechFlow.OnCallBot.Tests.Jobs;

public sealed class AnnouncementsJobTests
{
    // Friday 2026-11-27 17:00 America/New_York: the shift starts.
    private static readonly DateTimeOffset ShiftStart = new(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Execute_ClockReadsAHairBeforeTheTriggersInstant_PostsWhatIsDueAtThatInstant()
    {
        using var bot = TestBot.Create(ShiftStart.AddHours(-1));
        bot.Get<AnnouncementPlanner>().Plan(bot.Time.GetUtcNow());
        bot.Time.SetUtcNow(ShiftStart.AddTicks(-1));
        var context = Substitute.For<IJobExecutionContext>();
        context.ScheduledFireTimeUtc.Returns(ShiftStart);
        var job = new AnnouncementsJob(bot.Get<AnnouncementPlanner>(), bot.Time, NullLogger<AnnouncementsJob>.Instance);

        await job.Execute(context, CancellationToken.None);

        var message = bot.Store.Set<OutboxMessage>().Get("shift-start:2026-11-27");
        Assert.NotNull(message);
        Assert.Equal(ShiftStart, message.NotBefore);
    }
}
