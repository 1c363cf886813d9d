using Npgsql;
using TechFlow.OnCall.Core.ReadModel;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage.Postgres;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Storage.Tests;

/// <summary>
/// On PostgreSQL the read model is checked against the store's commit version on every read, so a replica answers
/// from memory and still never misses another replica's commit, even one whose notification it did not get.
/// </summary>
public sealed class PostgresReadModelTests : IDisposable
{
    /// <summary>Monday 2026-11-23 10:00 EST.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private const string CommitChannelName = "oncall_commit";

    private PostgresTestDatabase? _database;

    [SkippableFact]
    public void CommitVersion_GrowsWithCommittedChangesOfItsTypesOnly()
    {
        var connection = Database().ConnectionString;
        using var first = PostgresStore.Open(connection);
        using var b = PostgresStore.Open(connection);
        IOnCallStore a = first;
        Type[] tickets = [typeof(Ticket)];
        var start = b.CommitVersion(tickets);

        a.Write(tx => tx.Set<Ticket>().Upsert(new Ticket { Id = "t1", Title = "one" }));
        var afterCommit = b.CommitVersion(tickets);
        Assert.Throws<InvalidOperationException>(() => a.Write(tx =>
        {
            tx.Set<Ticket>().Upsert(new Ticket { Id = "t2", Title = "rolled back" });
            throw new InvalidOperationException("roll back");
        }));
        var afterRollback = b.CommitVersion(tickets);
        a.Write(tx => tx.Set<Engineer>().Upsert(new Engineer { Id = "e1", Name = "Other Type" }));

        Assert.Equal(0, start);
        Assert.Equal(1, afterCommit);
        Assert.Equal(1, afterRollback);
        Assert.Equal(1, b.CommitVersion(tickets));
        Assert.Equal(2, b.CommitVersion([typeof(Ticket), typeof(Engineer)]));
    }

    [SkippableFact]
    public async Task ReadModel_OnPostgres_AnswersFromMemoryUntilACommit()
    {
        using var bot = Bot(Database().ConnectionString);
        await bot.AskTextAsync("/oncall aggregate profit");
        var model = bot.Get<OnCallReadModel>();
        var loads = model.Loads;

        await bot.AskTextAsync("/oncall aggregate profit");
        var warm = model.Loads;
        var alex = bot.Get<RosterService>().Find("alex-chen")!;
        bot.Store.Write(tx => tx.Set<Engineer>().Upsert(alex with { Name = "Alex Renamed" }));

        Assert.NotNull(model.TryCurrent());
        Assert.Equal(loads, warm);
        Assert.Equal("Alex Renamed", bot.Get<RosterService>().Find("alex-chen")!.Name);
    }

    [SkippableFact]
    public async Task ReadModel_CommitOnAnotherReplicaWhileListenersAreCut_IsInTheNextAnswer()
    {
        var connection = Database().ConnectionString;
        using var a = Bot(connection);
        using var b = Bot(connection);
        var primary = b.Get<EffectiveSchedule>().At(Monday)!.Primary.Holder!;
        Assert.Contains($"Primary: {primary.Name}", await b.AskTextAsync("/oncall"), StringComparison.Ordinal);

        // Cut every replica's LISTEN connection: the NOTIFY for the next commit reaches nobody. They reconnect after
        // a back-off of at least 250 ms; B must not need that to see A's change.
        CutListeners(connection);
        a.Store.Write(tx => tx.Set<Engineer>().Upsert(primary with { Name = "Renamed On A" }));
        var answer = await b.AskTextAsync("/oncall");

        Assert.Contains("Primary: Renamed On A", answer, StringComparison.Ordinal);
    }

    public void Dispose() => _database?.Dispose();

    private static void CutListeners(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN {CommitChannelName}' AND pid <> pg_backend_pid()",
            connection);
        Assert.True((long)command.ExecuteScalar()! >= 2);
    }

    private PostgresTestDatabase Database() => _database = PostgresTestDatabase.Create();

    private static TestBot Bot(string connectionString) => TestBot.Create(Monday, new Dictionary<string, string?>
    {
        ["Store:Provider"] = "Postgres",
        ["Store:ConnectionString"] = connectionString,
    });
}
