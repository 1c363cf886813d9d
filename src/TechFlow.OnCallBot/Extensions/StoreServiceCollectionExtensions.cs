using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.ReadModel;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
using TechFlow.OnCallBot.Observability;
using TechFlow.OnCallBot.Providers;
using TechFlow.OnCallBot.Seeding;

namespace TechFlow.OnCallBot.Extensions;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The store named by <c>Store:Provider</c>: LiteDB (default) or PostgreSQL.</summary>
    public static IServiceCollection AddOnCallStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.Section))
            .Validate(o => o.Seed is "techflow" or "none", "Store:Seed must be 'techflow' or 'none'")
            .Validate(o => o.IsPostgres || string.Equals(o.Provider, StoreOptions.LiteDb, StringComparison.OrdinalIgnoreCase), "Store:Provider must be 'LiteDb' or 'Postgres'")
            .Validate(o => o.IsPostgres || !string.IsNullOrWhiteSpace(o.Path), "Store:Path must not be empty")
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(o.ConnectionString), "Store:ConnectionString is required when Store:Provider is 'Postgres'")
            .Validate(o => !o.IsPostgres || PostgresStoreProvider.Available, PostgresStoreProvider.NativeBuild)
            .Validate(o => !o.IsPostgres || !PostgresStoreProvider.Available || string.IsNullOrWhiteSpace(o.ConnectionString) || PostgresStoreProvider.TryParse(o.ConnectionString, out _), "Store:ConnectionString is not a valid PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...)")
            .ValidateOnStart();
        services.AddOptions<ClusterOptions>()
            .Bind(configuration.GetSection(ClusterOptions.Section))
            .Validate(o => o.CheckinInterval >= TimeSpan.FromSeconds(1) && o.CheckinMisfireThreshold >= TimeSpan.FromSeconds(1) && o.MisfireThreshold >= TimeSpan.FromSeconds(1), "Cluster intervals must be at least one second")
            .ValidateOnStart();
        services.AddSingleton<IOnCallStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return options.IsPostgres
                ? PostgresStoreProvider.Open(options.ConnectionString, sp.GetRequiredService<ILoggerFactory>())
                : LiteDbStoreOpener.Open(
                    options.Path,
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger("Store").LogSchemaChange);
        });
        foreach (var initializer in CoreStoreInitializers.All)
        {
            services.AddSingleton(initializer);
        }

        services.AddSingleton<TeamSeeder>();
        return services;
    }

    private static void LogSchemaChange(this ILogger logger, string change) => logger.LogWarning("{Change}", change);

    /// <summary>
    /// Opens the store (throwing <see cref="StoreUnavailableException"/> when another process holds it or a newer build wrote it), prepares its indexes, seeds an empty store when configured, and plans the schedule ahead.
    /// Runs before the first request is served; building the Quartz scheduler runs alongside on another thread and is
    /// finished before this returns.
    /// </summary>
    public static void PrepareStore(this IServiceProvider services)
    {
        var store = services.GetRequiredService<IOnCallStore>();
        StartupTimeline.Mark("store opened");
        var options = services.GetRequiredService<IOptions<StoreOptions>>().Value;
        var alongside = StartupAlongside.Start(services, !options.IsPostgres);
        foreach (var initializer in services.GetServices<IStoreInitializer>())
        {
            initializer.Initialize(store);
            StartupTimeline.Mark(initializer.GetType().Name);
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Store");
        if (!options.IsPostgres)
        {
            // This process holds the LiteDB file alone, so lane claims left by an earlier run are stale.
            services.GetRequiredService<OutboxDispatcher>().ReleaseAllClaims();
        }

        if (options.Seed == "techflow")
        {
            var seeder = services.GetRequiredService<TeamSeeder>();
            if (seeder.SeedIfEmpty(options.SeedFile))
            {
                logger.LogInformation("Seeded an empty store at {Path} from {File}", options.Describe(), options.SeedFile);
            }

            StartupTimeline.Mark("seeded");
        }

        foreach (var problem in services.GetRequiredService<ScheduleService>().EnsurePlanned())
        {
            logger.LogWarning("Shift {Shift} could not be planned: {Reason}", problem.Window.Id, problem.Reason);
        }

        StartupTimeline.Mark("planned");
        // Answers read memory from the first request on; every later commit that touches it reloads it.
        services.GetService<OnCallReadModel>()?.Warm();
        StartupTimeline.Mark("read model loaded");
        alongside.Wait();
        StartupTimeline.Mark("work alongside done");
    }
}
