using Quartz;
using TechFlow.OnCall.Core.Paging;

namespace TechFlow.OnCallBot.Jobs;

/// <summary>Fired at a page's next escalation instant (one-shot triggers kept by <see cref="TimedTriggers"/>): climbs every page due.</summary>
[DisallowConcurrentExecution]
internal sealed class PageEscalationJob(PageEscalationWork escalation, TimeProvider time, ILogger<PageEscalationJob> logger) : IJob
{
    public static readonly JobKey Key = new("page-escalation", "oncall");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await escalation.RunDueAsync(TimedJobs.At(context, time), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Escalation failed; the minute tick retries it");
        }
    }
}
