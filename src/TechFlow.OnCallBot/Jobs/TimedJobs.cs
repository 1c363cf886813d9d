using Quartz;
using TechFlow.OnCall.Core.Announcements;

namespace TechFlow.OnCallBot.Jobs;

/// <summary>What timed jobs share.</summary>
internal static class TimedJobs
{
    /// <summary>
    /// The instant a job runs "at": now, or the trigger's scheduled instant if the clock reads a hair earlier, so the
    /// item due at exactly that instant is included.
    /// </summary>
    public static DateTimeOffset At(IJobExecutionContext context, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return context.ScheduledFireTimeUtc is { } scheduled && scheduled > now ? scheduled : now;
    }

    /// <summary>Runs <paramref name="work"/> at <see cref="At"/>; a failure is logged (the next trigger or backstop retries), never thrown.</summary>
    public static async ValueTask RunAsync(IDueWork work, IJobExecutionContext context, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await work.RunDueAsync(At(context, time), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Work} failed; the next trigger or the backstop retries it", work.Name);
        }
    }
}
