using Quartz;

namespace TechFlow.OnCallBot.Jobs;

/// <summary>
/// At start-up, every fifteen minutes and after every commit that may move a due instant: refreshes the one-shot
/// triggers of every timed job (<see cref="TimedTriggers"/>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class TimedTriggersJob(TimedTriggers triggers, TimedTriggersOnCommit signal, TimeProvider time, ILogger<TimedTriggersJob> logger) : IJob
{
    public static readonly JobKey Key = new("timed-triggers", "oncall");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        signal.Taken();
        try
        {
            var changed = await triggers.RefreshAsync(context.Scheduler, time.GetUtcNow(), cancellationToken);
            if (changed > 0)
            {
                logger.LogDebug("Refreshed {Changed} timed triggers", changed);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Refreshing timed triggers failed; the next refresh retries");
        }
    }
}
