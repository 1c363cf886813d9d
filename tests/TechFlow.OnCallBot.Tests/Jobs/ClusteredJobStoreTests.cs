using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TechFlow.OnCall.Storage.Postgres;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Extensions;
using TechFlow.OnCallBot.Jobs;

namespace TechFlow.OnCallBot.Tests.Jobs;

/// <summary>Quartz on PostgreSQL: the ADO.NET job store, clustered, on the tables the store's migrations create.</summary>
public sealed class ClusteredJobStoreTests : IDisposable
{
    private static readonly ClusterOptions Fast = new()
    {
        CheckinInterval = TimeSpan.FromSeconds(1),
        CheckinMisfireThreshold = TimeSpan.FromSeconds(2),
        MisfireThreshold = TimeSpan.FromSeconds(5),
    };

    private readonly List<IDisposable> _owned = [];

    [SkippableFact]
    public async Task TwoSchedulersOnOneDatabase_FireEachTriggerOnce()
    {
        var database = Own(PostgresTestDatabase.Create());
        PostgresStore.Open(database.ConnectionString).Dispose();
        var a = await StartAsync(database.ForReplica("quartz-a"));
        var b = await StartAsync(database.ForReplica("quartz-b"));
        var group = Guid.NewGuid().ToString("N");

        var job = JobBuilder.Create<CountingJob>().WithIdentity("count", group).StoreDurably().Build();
        await a.AddJob(job, new AddJobOptions(), CancellationToken.None);
        for (var i = 0; i < 20; i++)
        {
            await (i % 2 == 0 ? a : b).ScheduleJob(
                TriggerBuilder.Create().WithIdentity($"t{i}", group).ForJob(job).StartNow().Build(), new ScheduleJobOptions(), CancellationToken.None);
        }

        // Wait for the work to be done (every trigger fired and gone), not for a time.
        for (var i = 0; i < 600 && (CountingJob.Fired(group).Count < 20 || (await a.GetTriggersOfJob(job.Key, CancellationToken.None)).Count > 0); i++)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        await a.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
        await b.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
        var fired = CountingJob.Fired(group);
        Assert.Equal(20, fired.Count);
        Assert.All(fired, f => Assert.Equal(1, f.Value));
        Assert.NotEqual(a.SchedulerInstanceId, b.SchedulerInstanceId);
        Assert.Equal(a.SchedulerName, b.SchedulerName);
    }

    [SkippableFact]
    public async Task Host_OnPostgres_RunsTheJobsOnAClusteredAdoJobStore()
    {
        var database = Own(PostgresTestDatabase.Create());
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Store:Provider", "Postgres")
            .UseSetting("Store:ConnectionString", database.ConnectionString));
        _ = factory.Server;

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        var meta = await scheduler.GetMetadata(CancellationToken.None);

        Assert.True(meta.JobStoreClustered);
        Assert.True(meta.JobStorePersistent);
        Assert.Equal(JobStoreExtensions.SchedulerName, scheduler.SchedulerName);
        Assert.NotNull(await scheduler.GetJobDetail(DueWorkJob.Key, CancellationToken.None));
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }
    }

    private async Task<IScheduler> StartAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTransient<CountingJob>();
        services.AddQuartz(q => q.UseClusteredPostgresStore(connectionString, Fast));
        var provider = Own(services.BuildServiceProvider());
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        await scheduler.Start(CancellationToken.None);
        return scheduler;
    }

    private T Own<T>(T item) where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }

    /// <summary>Counts its firings per trigger, in a group of its own per test.</summary>
    [DisallowConcurrentExecution]
    public sealed class CountingJob : IJob
    {
        private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, int>> Counts = new();

        public static IReadOnlyDictionary<string, int> Fired(string group) =>
            Counts.GetOrAdd(group, _ => new()).ToDictionary(p => p.Key, p => p.Value);

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            var trigger = context.Trigger.Key;
            Counts.GetOrAdd(trigger.Group, _ => new()).AddOrUpdate(trigger.Name, 1, (_, n) => n + 1);
            await Task.Delay(20, cancellationToken);
        }
    }
}
