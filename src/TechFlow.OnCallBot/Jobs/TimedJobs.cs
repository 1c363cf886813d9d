using Quartz;

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
}
