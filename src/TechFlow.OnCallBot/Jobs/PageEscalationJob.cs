using Quartz;
using TechFlow.OnCall.Core.Paging;

namespace TechFlow.OnCallBot.Jobs;

/// <summary>Fired at a page's next escalation instant (one-shot triggers kept by <see cref="TimedTriggers"/>): climbs every page due.</summary>
[DisallowConcurrentExecution]
internal sealed class PageEscalationJob(PageEscalationWork escalation, TimeProvider time, ILogger<PageEscalationJob> logger) : IJob
{
    public static readonly JobKey Key = new("page-escalation", "oncall");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        TimedJobs.RunAsync(escalation, context, time, logger, cancellationToken);
}
