using Quartz;
using TechFlow.OnCallBot.Observability;

namespace TechFlow.OnCallBot.Extensions;

/// <summary>
/// Start-up work that runs on a second core while the store is prepared: on LiteDB (in-memory Quartz store), building
/// the Quartz scheduler, which does not touch the store. <see cref="Wait"/> is called before the store counts as
/// prepared, so nothing is served, and no hosted service starts, before this work is done.
/// </summary>
/// <remarks>
/// Store initializers all run in order on the preparing thread. Loading the runbooks used to run here too, but LiteDB
/// 5 adds a collection to its header page without guarding readers of it, so a runbook write racing another
/// initializer's <c>EnsureIndex</c> could throw "Collection was modified" inside the engine (seen in CI).
/// </remarks>
internal sealed class StartupAlongside
{
    private readonly List<Task> _work = [];

    private StartupAlongside()
    {
    }

    /// <summary>Starts the work.</summary>
    public static StartupAlongside Start(IServiceProvider services, bool liteDb)
    {
        var alongside = new StartupAlongside();
        if (!liteDb)
        {
            // PostgreSQL: initializers create tables and indexes that Quartz's clustered store may also need; keep the order.
            return alongside;
        }

        if (services.GetService<ISchedulerFactory>() is { } schedulers)
        {
            // The factory keeps the scheduler it builds, and Quartz's hosted service asks for it again after this work
            // is done. A failure here is left for that second call to report, exactly as it did before.
            alongside._work.Add(Task.Run(async () =>
            {
                try
                {
                    await schedulers.GetScheduler();
                    StartupTimeline.Mark("Quartz scheduler built");
                }
                catch (Exception)
                {
                }
            }));
        }

        return alongside;
    }

    /// <summary>Waits for all of it; an initializer's exception is rethrown as it would have been in order.</summary>
    public void Wait()
    {
        foreach (var task in _work)
        {
            task.GetAwaiter().GetResult();
        }
    }
}
