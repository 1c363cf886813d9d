using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Inbound;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Slack.Events;
using TechFlow.OnCall.Storage.Postgres;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Storage.Tests;

/// <summary>
/// Every read-modify-write the product does, raced through two replicas (two TestBots, each with its own store
/// instance) on one PostgreSQL database: taking a cover, acknowledging, escalating, recording a Slack event id.
/// Approving a swap is in <see cref="PostgresTestBotTests"/>.
/// </summary>
public sealed class PostgresReplicaRaceTests : IDisposable
{
    /// <summary>Monday 2026-11-23 10:00 EST.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly string[] Engineers = ["alex-chen", "lisa-wang", "mike-rodriguez", "sarah-johnson"];

    private PostgresTestDatabase? _database;
    private readonly List<IDisposable> _owned = [];

    [SkippableFact]
    public async Task TakeCover_TwoEngineersPressingOnBothReplicas_ExactlyOneCovers()
    {
        var (a, b) = Replicas();
        var shift = a.Store.Set<Shift>().Get("2026-12-04")!;
        var takers = Engineers.Where(e => e != shift.PrimaryId && e != shift.SecondaryId).ToArray();
        await a.AskTextAsync("/oncall cover 2026-12-05 2026-12-06", shift.PrimaryId);
        var request = Assert.Single(b.Store.Set<SwapRequest>().All());

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).PressAsync(SwapMessages.Take, request.Id, takers[i / 2 % takers.Length]))));

        var taken = b.Store.Set<SwapRequest>().Get(request.Id)!;
        Assert.Equal(SwapStatus.Approved, taken.Status);
        var cover = Assert.Single(a.Store.Set<ScheduleOverride>().Find(o => o.SourceId == request.Id));
        Assert.Equal(taken.CounterpartId, cover.EngineerId);
        Assert.Single(results, r => r.Notice?.StartsWith("Thanks", StringComparison.Ordinal) == true);
    }

    [SkippableFact]
    public async Task Acknowledge_PressedOnBothReplicasAtOnce_AcknowledgedOnceAndTheClimbStops()
    {
        var (a, b) = Replicas();
        await a.AskAsync("/oncall page aggregate profit billing feed late", "sarah-johnson");
        var page = Assert.Single(b.Store.Set<Page>().All());

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).PressAsync(PageCards.AcknowledgeAction, page.Id, Engineers[i % Engineers.Length]))));
        Advance(a, b, TimeSpan.FromHours(3));
        var climbed = await Task.WhenAll(Task.Run(() => a.Get<PageService>().EscalateDue(a.Time.GetUtcNow())), Task.Run(() => b.Get<PageService>().EscalateDue(b.Time.GetUtcNow())));

        Assert.Single(results, r => r.Notice?.StartsWith("Acknowledged page", StringComparison.Ordinal) == true);
        var acknowledged = a.Store.Set<Page>().Get(page.Id)!;
        Assert.Equal((PageStatus.Acknowledged, 1, (DateTimeOffset?)null), (acknowledged.Status, acknowledged.Level, acknowledged.NextEscalationAt));
        Assert.Equal([0, 0], climbed);
        Assert.Single(a.Store.Set<OutboxMessage>().Find(m => m.Id == PageKeys.ChannelUpdate(page.Id, PageStatus.Acknowledged)));
    }

    [SkippableFact]
    public async Task EscalateDue_RunOnBothReplicasAtOnce_PingsEachLevelOnce()
    {
        var (a, b) = Replicas();
        await a.AskAsync("/oncall page aggregate profit billing feed late", "sarah-johnson");
        var page = Assert.Single(b.Store.Set<Page>().All());

        var climbs = 0;
        for (var step = 0; step < 3; step++)
        {
            var due = a.Store.Set<Page>().Get(page.Id)!.NextEscalationAt!.Value;
            Advance(a, b, due - a.Time.GetUtcNow());
            var runs = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
                (i % 2 == 0 ? a : b).Get<PageService>().EscalateDue(due))));
            climbs += runs.Sum();
        }

        var climbed = b.Store.Set<Page>().Get(page.Id)!;
        Assert.Equal(3, climbs);
        Assert.Equal(4, climbed.Level);
        Assert.Equal([1, 2, 3, 4], climbed.Notifications.Select(n => n.Level));
        Assert.Equal(climbed.Notifications.Count, climbed.Notifications.Select(n => n.Key).Distinct().Count());
    }

    [SkippableFact]
    public void TryAccept_OneSlackEventIdOnBothReplicasAtOnce_AcceptedOnceWithItsWork()
    {
        var database = _database = PostgresTestDatabase.Create();
        var time = new FakeTimeProvider(Monday);
        var stores = new[] { Own(PostgresStore.Open(database.ForReplica("a"))), Own(PostgresStore.Open(database.ForReplica("b"))) };
        var inboxes = stores.Select(s => new Inbox(s, time)).ToArray();

        var accepted = Enumerable.Range(0, 40).AsParallel().WithDegreeOfParallelism(8)
            .Count(i => inboxes[i % 2].TryAccept("slack-event:Ev0RETRIED", "slack-event", "{}"));

        Assert.Equal(1, accepted);
        Assert.Equal(1, stores[1].Set<InboundWork>().Count());
    }

    [SkippableFact]
    public async Task PipelineCatalog_PipelineRenamedOnTheOtherReplica_AnswersWithTheNewNameHere()
    {
        var (a, b) = Replicas();
        var catalog = a.Get<PipelineCatalog>();
        var before = catalog.Get("unit-profit")!;

        b.Store.Write(tx => tx.Set<Pipeline>().Upsert(before with { Name = "Unit Margin" }));

        for (var i = 0; i < 500 && catalog.Get("unit-profit")!.Name != "Unit Margin"; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal("Unit Margin", catalog.Get("unit-profit")!.Name);
        Assert.IsType<PipelineMatch.Found>(catalog.Match("unit margin"));
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        _database?.Dispose();
    }

    private (TestBot A, TestBot B) Replicas()
    {
        var connection = (_database = PostgresTestDatabase.Create()).ConnectionString;
        var a = Own(Bot(connection));
        return (a, Own(Bot(connection)));
    }

    private static void Advance(TestBot a, TestBot b, TimeSpan by)
    {
        a.Time.Advance(by);
        b.Time.Advance(by);
    }

    private T Own<T>(T item) where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }

    private static TestBot Bot(string connectionString) => TestBot.Create(Monday, new Dictionary<string, string?>
    {
        ["Store:Provider"] = "Postgres",
        ["Store:ConnectionString"] = connectionString,
    });
}
