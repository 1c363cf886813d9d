using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage.Postgres;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Storage.Tests;

/// <summary>Two stores on one database behave as two replicas of the bot would.</summary>
public sealed class PostgresReplicaTests : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    [SkippableFact]
    public void Write_TwoReplicasRacingReadModifyWrite_NeverLoseAnUpdate()
    {
        var (a, b) = Replicas();
        a.Write(tx => tx.Set<Counter>().Upsert(new Counter { Id = "hits" }));

        Parallel.For(0, 50, new ParallelOptions { MaxDegreeOfParallelism = 10 }, i => (i % 2 == 0 ? a : b).Write(tx =>
        {
            var counter = tx.Set<Counter>().Get("hits")!;
            tx.Set<Counter>().Upsert(counter with { Value = counter.Value + 1 });
        }));

        Assert.Equal(50, b.Set<Counter>().Get("hits")!.Value);
    }

    [SkippableFact]
    public void Write_TwoReplicasRacingCheckThenAct_ExactlyOneActs()
    {
        var (a, b) = Replicas();
        a.Write(tx => tx.Set<Ticket>().Upsert(new Ticket { Id = "swap", State = TicketState.Open }));

        var winners = 0;
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 10 }, i =>
        {
            var won = (i % 2 == 0 ? a : b).Write(tx =>
            {
                var swap = tx.Set<Ticket>().Get("swap")!;
                if (swap.State != TicketState.Open)
                {
                    return false;
                }

                tx.Set<Ticket>().Upsert(swap with { State = TicketState.Closed, Owner = $"attempt-{i}" });
                tx.Set<Counter>().TryInsert(new Counter { Id = $"override-{i}" });
                return true;
            });
            if (won)
            {
                Interlocked.Increment(ref winners);
            }
        });

        Assert.Equal(1, winners);
        Assert.Equal(1, a.Set<Counter>().Count());
        Assert.Equal(TicketState.Closed, b.Set<Ticket>().Get("swap")!.State);
    }

    [SkippableFact]
    public async Task Committed_OnAnotherReplica_IsRaisedThereOnce()
    {
        var (a, b) = Replicas();
        var onB = new List<StoreCommit>();
        var fromA = new TaskCompletionSource<StoreCommit>(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Committed += commit =>
        {
            lock (onB)
            {
                onB.Add(commit);
            }

            if (commit.Touches<Ticket>())
            {
                fromA.TrySetResult(commit);
            }
        };

        b.Write(tx => tx.Set<Counter>().Upsert(new Counter { Id = "b's own" }));
        a.Write(tx => tx.Set<Ticket>().Upsert(new Ticket { Id = "from-a" }));
        var remote = await fromA.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal([typeof(Ticket)], remote.Changed);
        // Notifications arrive in commit order, so had b heard its own commit it would have done so by now.
        lock (onB)
        {
            Assert.Equal(2, onB.Count);
            Assert.Single(onB, c => c.Touches<Counter>());
        }
    }

    [SkippableFact]
    public void Open_ReplicasStartingTogether_ApplyEachMigrationOnce()
    {
        var database = Own(PostgresTestDatabase.Create());

        var stores = Enumerable.Range(0, 4).AsParallel().Select(i => (IOnCallStore)Own(PostgresStore.Open(database.ForReplica($"replica-{i}")))).ToList();
        stores[0].Write(tx => tx.Set<Counter>().Upsert(new Counter { Id = "ok" }));

        using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var count = new Npgsql.NpgsqlCommand($"SELECT count(*)::int, count(DISTINCT version)::int FROM {PostgresSchema.VersionTable}", connection);
        using var reader = count.ExecuteReader();
        reader.Read();
        Assert.Equal((PostgresSchema.Migrations.Count, PostgresSchema.Migrations.Count), (reader.GetInt32(0), reader.GetInt32(1)));
        Assert.Equal(PostgresSchema.Latest, PostgresSchema.Migrations.Count);
        Assert.All(stores, s => Assert.Equal(1, s.Set<Counter>().Count()));
    }

    [SkippableFact]
    public void Open_SchemaNewerThanThisBuild_RefusesAndChangesNothing()
    {
        var database = Own(PostgresTestDatabase.Create());
        Own(PostgresStore.Open(database.ConnectionString)).Dispose();
        Execute(database, $"INSERT INTO {PostgresSchema.VersionTable} (version, name) VALUES (999, '999_future')");

        var ex = Assert.Throws<InvalidOperationException>(() => PostgresStore.Open(database.ConnectionString));

        Assert.Contains("newer than this build", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Open_NothingListening_ThrowsStoreUnavailable()
    {
        var database = Own(PostgresTestDatabase.Create());
        var port = TcpCutter.FreePort();
        var nowhere = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = port, Timeout = 3 }.ConnectionString;

        Assert.Throws<StoreUnavailableException>(() => PostgresStore.Open(nowhere));
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }
    }

    private (IOnCallStore A, IOnCallStore B) Replicas()
    {
        var database = Own(PostgresTestDatabase.Create());
        return (Own(PostgresStore.Open(database.ForReplica("replica-a"))), Own(PostgresStore.Open(database.ForReplica("replica-b"))));
    }

    private static void Execute(PostgresTestDatabase database, string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private T Own<T>(T item) where T : IDisposable
    {
        lock (_owned)
        {
            _owned.Add(item);
        }

        return item;
    }
}
