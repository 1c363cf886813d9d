using Npgsql;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>
/// One unit of work on a <see cref="PostgresStore"/>: a PostgreSQL transaction on one connection, holding the
/// store-wide advisory lock. Records which types it changed, and expires with it.
/// </summary>
internal sealed class PostgresUnitOfWork(PostgresStore store, NpgsqlConnection connection, NpgsqlTransaction transaction) : IStoreTransaction
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    public HashSet<Type> Changed { get; } = [];

    public bool Closed { get; private set; }

    public IRepository<T> Set<T>() where T : class
    {
        ObjectDisposedException.ThrowIf(Closed, this);
        return new PostgresRepository<T>(store, this);
    }

    public void Close() => Closed = true;
}
