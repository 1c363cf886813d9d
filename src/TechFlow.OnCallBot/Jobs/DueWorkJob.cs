using Quartz;
using TechFlow.OnCall.Core.Announcements;

namespace TechFlow.OnCallBot.Jobs;

/// <summary>Every minute: runs every registered <see cref="IDueWork"/> (escalation steps, swap expiry, …) at the current instant.</summary>
[DisallowConcurrentExecution]
internal sealed class DueWorkJob(IEnumerable<IDueWork> work, TimeProvider time, ILogger<DueWorkJob> logger) : IJob
{
    public static readonly JobKey Key = new("due-work", "oncall");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var item in work)
        {
            try
            {
                await item.RunDueAsync(now, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Due work {Name} failed; the next tick retries it", item.Name);
            }
        }
    }
}
