using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage.Postgres;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Storage.Tests.Outbox;

/// <summary>The outbox dispatcher while PostgreSQL is unreachable, and after it is back.</summary>
public sealed class PostgresOutboxOutageTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero));
    private readonly ChatPlatformFake _platform = new();
    private readonly List<IDisposable> _owned = [];

    [SkippableFact]
    public async Task DispatchDue_PostgresDownWhileAPostIsInFlight_SameDispatcherResumesWithoutPostingTwice()
    {
        var (store, cutter) = StoreThroughCutter();
        new Core.Announcements.Outbox(store, [_platform.SinkFor()], _time).Enqueue(Message("handoff-reminder:2026-11-27"));
        new Core.Announcements.Outbox(store, [_platform.SinkFor()], _time).Enqueue(Message("shift-start:2026-11-27"));
        var first = true;
        var sink = _platform.SinkFor(m =>
        {
            _platform.Post(m);
            if (first)
            {
                // Slack takes the post, then the database goes away before the outcome is recorded.
                first = false;
                cutter.Cut();
            }

            return Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Sent("ref:" + m.Id));
        });
        var dispatcher = new OutboxDispatcher(store, [sink], _time, options: new OutboxOptions { LeaseDuration = TimeSpan.FromSeconds(30) });

        await Assert.ThrowsAsync<StoreUnavailableException>(() => dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Throws<StoreUnavailableException>(() => dispatcher.StartDueLanes(CancellationToken.None));
        cutter.Restore();
        _time.Advance(TimeSpan.FromSeconds(1));
        var sent = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(2, sent);
        Assert.Equal([("C1", "handoff-reminder:2026-11-27"), ("C1", "shift-start:2026-11-27")], _platform.Posts);
        Assert.All(store.Set<OutboxDelivery>().All(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }
    }

    private (IOnCallStore Store, TcpCutter Cutter) StoreThroughCutter()
    {
        var database = Own(PostgresTestDatabase.Create());
        var cutter = Own(new TcpCutter(new NpgsqlConnectionStringBuilder(database.ConnectionString).Port));
        var relayed = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = cutter.Port, Timeout = 3 }.ConnectionString;
        return (Own(PostgresStore.Open(relayed)), cutter);
    }

    private T Own<T>(T item) where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }

    private static OutboxMessage Message(string key) => new() { Id = key, Kind = "holiday", Channel = "C1", Reply = new Reply { Text = [key] } };
}
