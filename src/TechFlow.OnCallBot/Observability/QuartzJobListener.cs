using Quartz;

namespace TechFlow.OnCallBot.Observability;

/// <summary>Counts Quartz job executions by job and outcome.</summary>
internal sealed class QuartzJobListener(OnCallMetrics metrics) : IJobListener
{
    public string Name => "oncall-metrics";

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        metrics.JobRuns.WithLabels(context.JobDetail.Key.Name, "vetoed").Inc();
        return ValueTask.CompletedTask;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        metrics.JobRuns.WithLabels(context.JobDetail.Key.Name, jobException is null ? "ok" : "failed").Inc();
        return ValueTask.CompletedTask;
    }
}
