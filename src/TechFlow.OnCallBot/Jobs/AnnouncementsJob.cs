using Quartz;
using TechFlow.OnCall.Core.Announcements;

namespace TechFlow.OnCallBot.Jobs;

/// <summary>
/// Posts the announcements that fell due since the last pass: fired at each announcement's exact instant (one-shot
/// triggers kept by <see cref="TimedTriggers"/>), once at start-up, and every fifteen minutes as a backstop.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AnnouncementsJob(AnnouncementPlanner planner, TimeProvider time, ILogger<AnnouncementsJob> logger) : IJob
{
    public static readonly JobKey Key = new("announcements", "oncall");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        TimedJobs.RunAsync(planner, context, time, logger, cancellationToken);
}
