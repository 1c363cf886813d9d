using System.Collections.Concurrent;
using System.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>
/// <see cref="IOnCallStore"/> on PostgreSQL, for running several replicas over one database. Records are JSONB
/// documents in one table keyed by (collection, id); the collection is the record type's name, as in LiteDB.
/// </summary>
/// <remarks>
/// <para>Every <see cref="Write{T}"/> is one PostgreSQL transaction (READ COMMITTED) that first takes a
/// transaction-scoped advisory lock, so units of work are serialised across every replica on the database, not
/// only within this process: a check-then-act inside one ("is this swap still open?") is race-free cluster-wide.
/// READ COMMITTED matters: each statement after the lock sees everything committed before the lock was granted.
/// The in-process lock in front of it only queues this replica's writers before they take a connection.</para>
/// <para>After a commit that changed something, <see cref="Committed"/> is raised here, and a NOTIFY sent inside
/// the transaction raises it on every other replica too (see <see cref="CommitChannel"/>).</para>
/// <para>When the server cannot be reached, calls throw <see cref="StoreUnavailableException"/>; a unit of work
/// that fails that way has changed nothing.</para>
/// </remarks>
public sealed class PostgresStore : IOnCallStore, IDisposable
{
    /// <summary>The advisory lock every unit of work holds (a per-database key: "OnCallWr").</summary>
    internal const long WriteLockKey = 0x4F6E43616C6C5772;

    private readonly NpgsqlDataSource _source;
    private readonly Lock _writeLock = new();
    private readonly ThreadLocal<PostgresUnitOfWork?> _ambient = new();
    private readonly ConcurrentDictionary<Type, object> _repositories = new();
    private readonly CommitChannel _channel;
    private readonly ILogger _logger;
    private int _disposed;

    private PostgresStore(NpgsqlDataSource source, ILogger logger)
    {
        _source = source;
        _logger = logger;
        _channel = new CommitChannel(source, () => [.. _repositories.Keys], changed => Committed?.Invoke(new StoreCommit(changed)), logger);
        if (!_channel.WaitUntilListening(TimeSpan.FromSeconds(30)))
        {
            logger.LogWarning("Not yet listening for other replicas' commits; their changes are picked up once it is");
        }
    }

    public event Action<StoreCommit>? Committed;

    public bool InUnitOfWork => _ambient.Value is not null;

    /// <summary>Connects, brings the schema up to date (safe when replicas start together) and listens for commits.</summary>
    public static PostgresStore Open(string connectionString, ILoggerFactory? loggers = null)
    {
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger<PostgresStore>();
        var source = PostgresDataSource.Create(connectionString, loggers);
        try
        {
            PostgresErrors.Translate(() => PostgresSchema.Migrate(source, logger));
            return new PostgresStore(source, logger);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public IRepository<T> Set<T>() where T : class =>
        (IRepository<T>)_repositories.GetOrAdd(typeof(T), _ => new PostgresRepository<T>(this, null));

    public T Write<T>(Func<IStoreTransaction, T> work)
    {
        if (_ambient.Value is not null)
        {
            throw new InvalidOperationException("A unit of work cannot start another: use the transaction it was given.");
        }

        T result;
        PostgresUnitOfWork? tx = null;
        lock (_writeLock)
        {
            try
            {
                result = PostgresErrors.Translate(() =>
                {
                    using var connection = _source.OpenConnection();
                    using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
                    using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = WriteLockKey });
                        command.ExecuteNonQuery();
                    }

                    tx = new PostgresUnitOfWork(this, connection, transaction);
                    _ambient.Value = tx;
                    var value = work(tx);
                    if (tx.Changed.Count > 0)
                    {
                        BumpVersions(connection, transaction, tx.Changed);
                        _channel.Notify(connection, transaction, tx.Changed);
                    }

                    transaction.Commit();
                    return value;
                });
            }
            finally
            {
                tx?.Close();
                _ambient.Value = null;
            }
        }

        if (tx!.Changed.Count > 0)
        {
            Committed?.Invoke(new StoreCommit(tx.Changed));
        }

        return result;
    }

    /// <summary>
    /// The sum of the changed collections' counters in <c>oncall_commit_versions</c>, which every unit of work bumps in
    /// its own transaction: committed-only, so it moves exactly when another replica's change becomes visible here.
    /// </summary>
    public long? CommitVersion(IReadOnlyCollection<Type> types)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        return Run(null, (connection, transaction) =>
        {
            using var command = new NpgsqlCommand(
                $"SELECT coalesce(sum(version), 0)::bigint FROM {PostgresSchema.CommitVersionsTable} WHERE collection = ANY($1)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = types.Select(t => t.Name).ToArray() });
            return (long)command.ExecuteScalar()!;
        });
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _channel.Dispose();
        _ambient.Dispose();
        _source.Dispose();
    }

    /// <summary>The unit of work a repository acts in: the one it was handed out by, else this thread's.</summary>
    internal PostgresUnitOfWork? ActiveUnitOfWork(PostgresUnitOfWork? bound) =>
        bound is { Closed: false } ? bound : _ambient.Value;

    /// <summary>Runs a statement in the active unit of work, or on a pooled connection outside one.</summary>
    internal T Run<T>(PostgresUnitOfWork? bound, Func<NpgsqlConnection, NpgsqlTransaction?, T> statement)
    {
        if (ActiveUnitOfWork(bound) is { } tx)
        {
            return statement(tx.Connection, tx.Transaction);
        }

        return PostgresErrors.Translate(() =>
        {
            using var connection = _source.OpenConnection();
            return statement(connection, null);
        });
    }

    private static void BumpVersions(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlySet<Type> changed)
    {
        using var command = new NpgsqlCommand(
            $"INSERT INTO {PostgresSchema.CommitVersionsTable} AS v (collection, version) SELECT c, 1 FROM unnest($1::text[]) AS c " +
            "ON CONFLICT (collection) DO UPDATE SET version = v.version + 1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = changed.Select(t => t.Name).ToArray() });
        command.ExecuteNonQuery();
    }

    internal void EnsureIndex<T, TKey>(string collection, System.Linq.Expressions.Expression<Func<T, TKey>> key, bool unique) =>
        PostgresErrors.Translate(() => PostgresIndexes.Ensure(_source, collection, key, unique, _logger));
}
