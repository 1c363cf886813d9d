using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage.Postgres;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Storage.Tests;

/// <summary>The storage port's contract on PostgreSQL (a fresh database per test on the throwaway cluster).</summary>
public sealed class PostgresStoreContractTests : StoreContractTests
{
    private PostgresTestDatabase? _database;

    protected override IOnCallStore CreateStore()
    {
        _database = PostgresTestDatabase.Create();
        return PostgresStore.Open(_database.ConnectionString);
    }

    public override void Dispose()
    {
        base.Dispose();
        _database?.Dispose();
    }
}
