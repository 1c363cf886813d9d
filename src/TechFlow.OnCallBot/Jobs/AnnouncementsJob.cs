using Quartz;
using TechFlow.OnCall.Core.Announcements;

namespace TechFlow.OnCallBot.Jobs;

/// <summary>Every five minutes (and once at start-up): posts the announcements that fell due since the last pass.</summary>
[DisallowConcurrentExecution]
internal sealed class AnnouncementsJob(AnnouncementPlanner planner, TimeProvider time, ILogger<AnnouncementsJob> logger) : IJob
{
    public static readonly JobKey Key = new("announcements", "oncall");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await planner.RunDueAsync(time.GetUtcNow(), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Announcements failed; the next pass retries them");
        }
    }
}
