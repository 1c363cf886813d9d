using Quartz;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCallBot.Observability;

namespace TechFlow.OnCallBot.Extensions;

/// <summary>
/// A store initializer that needs nothing from the other initializers, seeding or planning, and writes only its own
/// records: on a LiteDB store it runs on another thread while they do (loading the runbooks is one).
/// </summary>
internal interface IIndependentStoreInitializer : IStoreInitializer;

/// <summary>
/// Start-up work that runs on a second core while the store is prepared: the independent store initializers and, on
/// LiteDB (in-memory Quartz store), building the Quartz scheduler. <see cref="Wait"/> is called before the store
/// counts as prepared, so nothing is served, and no hosted service starts, before this work is done.
/// </summary>
internal sealed class StartupAlongside
{
    private readonly List<Task> _work = [];

    private StartupAlongside()
    {
    }

    /// <summary>Starts the work; returns the initializers left for the caller to run in order.</summary>
    public static StartupAlongside Start(IServiceProvider services, IOnCallStore store, bool liteDb, out IReadOnlyList<IStoreInitializer> inOrder)
    {
        var alongside = new StartupAlongside();
        var initializers = services.GetServices<IStoreInitializer>().ToList();
        if (!liteDb)
        {
            // PostgreSQL: initializers create tables and indexes that Quartz's clustered store may also need; keep the order.
            inOrder = initializers;
            return alongside;
        }

        inOrder = [.. initializers.Where(i => i is not IIndependentStoreInitializer)];
        foreach (var initializer in initializers.OfType<IIndependentStoreInitializer>())
        {
            alongside._work.Add(Task.Run(() =>
            {
                initializer.Initialize(store);
                StartupTimeline.Mark(initializer.GetType().Name);
            }));
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
