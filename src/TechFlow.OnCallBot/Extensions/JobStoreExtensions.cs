using Quartz;
using TechFlow.OnCallBot.Providers;

namespace TechFlow.OnCallBot.Extensions;

public static class JobStoreExtensions
{
    /// <summary>The scheduler name every replica shares: Quartz clusters the schedulers of one name on one database.</summary>
    public const string SchedulerName = "techflow-oncall";

    /// <summary>
    /// Where Quartz keeps its triggers. With LiteDB: in memory (one process; the store is the source of truth and
    /// every job recomputes what is due from it). With PostgreSQL: Quartz's ADO.NET job store on the same database,
    /// clustered, so each trigger fires on exactly one replica and a dead replica's work moves to a live one. Its
    /// tables come from the store's migrations (never from Quartz at run time); job data is serialised with the
    /// System.Text.Json serializer built into Quartz.
    /// </summary>
    public static void UseOnCallJobStore(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        var store = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        // Not PostgreSQL in the native build either (the store refuses it there; see PostgresStoreProvider).
        if (!store.IsPostgres || !PostgresStoreProvider.Available)
        {
            quartz.UseInMemoryStore();
            return;
        }

        var cluster = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        quartz.UseClusteredPostgresStore(store.ConnectionString, cluster);
    }

    /// <summary>The clustered PostgreSQL job store (public for the cluster tests, which start two schedulers).</summary>
    public static void UseClusteredPostgresStore(this IQuartzBuilder quartz, string connectionString, ClusterOptions cluster)
    {
        quartz.ConfigureScheduler(s =>
        {
            s.InstanceName = SchedulerName;
            s.GenerateInstanceId = true;
        });
        quartz.UsePersistentStore(s =>
        {
            s.UsePostgres(connectionString);
            s.UseSystemTextJsonSerializer();
            s.ConfigureStore(o => o.MisfireThreshold = cluster.MisfireThreshold);
            s.UseClustering(c =>
            {
                c.CheckinInterval = cluster.CheckinInterval;
                c.CheckinMisfireThreshold = cluster.CheckinMisfireThreshold;
            });
        });
    }
}
