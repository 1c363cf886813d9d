using Quartz;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Jobs;

/// <summary>
/// Runs <see cref="TimedTriggersJob"/> after a commit that may have moved a due instant (anything but the outbox's
/// and planner's own bookkeeping), at most one queued at a time.
/// </summary>
internal sealed class TimedTriggersOnCommit(IOnCallStore store, ISchedulerFactory schedulers, ILogger<TimedTriggersOnCommit> logger) : IHostedService
{
    private static readonly HashSet<Type> Bookkeeping =
        [typeof(OutboxDelivery), typeof(OutboxMessage), typeof(OutboxCounter), typeof(AnnouncementWatermark), typeof(SkippedAnnouncement)];

    private int _queued;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.Committed += OnCommitted;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        store.Committed -= OnCommitted;
        return Task.CompletedTask;
    }

    /// <summary>Called by the job as it starts: later commits queue another refresh.</summary>
    public void Taken() => Volatile.Write(ref _queued, 0);

    private void OnCommitted(StoreCommit commit)
    {
        if (!commit.Changed.All(Bookkeeping.Contains) && Interlocked.Exchange(ref _queued, 1) == 0)
        {
            _ = TriggerAsync();
        }
    }

    private async Task TriggerAsync()
    {
        try
        {
            var scheduler = await schedulers.GetScheduler();
            await scheduler.TriggerJob(TimedTriggersJob.Key);
        }
        catch (SchedulerException ex)
        {
            Volatile.Write(ref _queued, 0);
            logger.LogWarning("Could not queue a timed-trigger refresh ({Message}); the periodic refresh catches up", ex.Message);
        }
    }
}
