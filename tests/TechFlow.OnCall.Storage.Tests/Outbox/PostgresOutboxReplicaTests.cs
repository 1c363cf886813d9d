using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage.Postgres;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Storage.Tests.Outbox;

/// <summary>The outbox across replicas on PostgreSQL: two store instances (two replicas) on one database.</summary>
public sealed class PostgresOutboxReplicaTests : OutboxReplicaContractTests
{
    private PostgresTestDatabase? _database;

    protected override (IOnCallStore A, IOnCallStore B) CreateStores()
    {
        _database = PostgresTestDatabase.Create();
        return (PostgresStore.Open(_database.ForReplica("replica-a")), PostgresStore.Open(_database.ForReplica("replica-b")));
    }

    public override void Dispose()
    {
        base.Dispose();
        _database?.Dispose();
    }
}
