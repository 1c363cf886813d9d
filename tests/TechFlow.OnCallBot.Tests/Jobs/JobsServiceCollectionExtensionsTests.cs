using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCallBot.Jobs;

namespace TechFlow.OnCallBot.Tests.Jobs;

public sealed class JobsServiceCollectionExtensionsTests : IDisposable
{
    // Friday 2026-11-27 10:00 America/New_York: the handoff reminder is due.
    private static readonly DateTimeOffset FridayTenLocal = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"oncall-jobs-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(FridayTenLocal);

    [Fact]
    public async Task AddOnCallJobs_HostStarts_RunsQuartzWithBothJobsOnTheDiClock()
    {
        await using var factory = Factory();
        _ = factory.Server;

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);

        // The hosted service starts the scheduler once the application has started; wait for that, not for a time.
        for (var i = 0; i < 600 && scheduler.Status != SchedulerStatus.Running; i++)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        Assert.Equal(SchedulerStatus.Running, scheduler.Status);
        Assert.Same(_time, scheduler.TimeProvider);
        Assert.NotNull(await scheduler.GetJobDetail(DueWorkJob.Key, CancellationToken.None));
        Assert.NotNull(await scheduler.GetJobDetail(AnnouncementsJob.Key, CancellationToken.None));
        var every = Assert.Single((await scheduler.GetTriggersOfJob(DueWorkJob.Key, CancellationToken.None)).OfType<ISimpleTrigger>());
        Assert.Equal(TimeSpan.FromMinutes(1), every.RepeatInterval);
        Assert.Equal(SimpleTriggerMisfireInstruction.NextWithRemainingCount, every.MisfireInstruction);
        var cron = Assert.Single((await scheduler.GetTriggersOfJob(AnnouncementsJob.Key, CancellationToken.None)).OfType<ICronTrigger>());
        Assert.Equal("America/New_York", cron.TimeZone.Id);
        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, cron.MisfireInstruction);
    }

    [Fact]
    public async Task AddOnCallJobs_HostStarts_PostsWhatIsDueOnce()
    {
        await using var factory = Factory();
        _ = factory.Server;
        var store = factory.Services.GetRequiredService<IOnCallStore>();

        // Waits for the start-up trigger to fire on Quartz's thread; the assertion is about what, not how fast.
        for (var i = 0; i < 600 && store.Set<OutboxMessage>().Get("handoff-reminder:2026-11-27") is null; i++)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        Assert.NotNull(store.Set<OutboxMessage>().Get("handoff-reminder:2026-11-27"));
        Assert.NotNull(store.Set<OutboxMessage>().Get("handoff-reminder:2026-11-27:dm"));
        Assert.Equal(2, store.Set<OutboxMessage>().Count());
    }

    private WebApplicationFactory<Program> Factory() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Store:Path", _path);
            b.ConfigureTestServices(s =>
            {
                s.RemoveAll<TimeProvider>();
                s.AddSingleton<TimeProvider>(_time);
            });
        });

    public void Dispose()
    {
        foreach (var file in new[] { _path, Path.ChangeExtension(_path, null) + "-log.db" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
