using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>
/// The records of type <typeparamref name="T"/>: rows of <c>oncall_documents</c> whose collection is the type's
/// name. Inside a unit of work (the one it was handed out by, or the one running on this thread) it reads and
/// writes through that transaction; outside one it reads on a pooled connection and refuses every change.
/// </summary>
internal sealed class PostgresRepository<T>(PostgresStore store, PostgresUnitOfWork? bound) : IRepository<T> where T : class
{
    private static readonly string Collection = typeof(T).Name;

    private const string Select = $"SELECT data::text FROM {PostgresSchema.DocumentsTable} WHERE collection = $1";

    public T? Get(string id) => store.Run(bound, (connection, tx) =>
    {
        using var command = Command(connection, tx, Select + " AND id = $2", Collection, id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Deserialize(reader.GetString(0)) : null;
    });

    public IReadOnlyList<T> All() => store.Run(bound, (connection, tx) =>
    {
        using var command = Command(connection, tx, Select + " ORDER BY id", Collection);
        using var reader = command.ExecuteReader();
        var items = new List<T>();
        while (reader.Read())
        {
            items.Add(Deserialize(reader.GetString(0)));
        }

        return items;
    });

    public IReadOnlyList<T> Find(Expression<Func<T, bool>> predicate) =>
        Query<IReadOnlyList<T>>(documents => [.. documents.Where(PredicateRewriter<T>.Rewrite(predicate)).OrderBy(d => d.Id).Select(d => d.Data)]);

    public IReadOnlyList<T> Find<TKey>(Expression<Func<T, bool>> predicate, Expression<Func<T, TKey>> orderBy, bool descending = false, int limit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var key = PredicateRewriter<T>.Rewrite(orderBy);
        return Query<IReadOnlyList<T>>(documents =>
        {
            var filtered = documents.Where(PredicateRewriter<T>.Rewrite(predicate));
            var ordered = descending ? filtered.OrderByDescending(key).ThenBy(d => d.Id) : filtered.OrderBy(key).ThenBy(d => d.Id);
            return [.. (limit < int.MaxValue ? ordered.Take(limit) : ordered).Select(d => d.Data)];
        });
    }

    public bool Exists(Expression<Func<T, bool>> predicate) => Query(documents => documents.Any(PredicateRewriter<T>.Rewrite(predicate)));

    public int Count() => store.Run(bound, (connection, tx) =>
    {
        using var command = Command(connection, tx, $"SELECT count(*)::int FROM {PostgresSchema.DocumentsTable} WHERE collection = $1", Collection);
        return (int)command.ExecuteScalar()!;
    });

    public bool TryInsert(T item)
    {
        var (id, json) = (DocumentId<T>.Of(item), Serialize(item));
        return Change(tx => Execute(tx, "ON CONFLICT (collection, id) DO NOTHING", id, json) == 1);
    }

    public void Upsert(T item)
    {
        var (id, json) = (DocumentId<T>.Of(item), Serialize(item));
        Change(tx => Execute(tx, "ON CONFLICT (collection, id) DO UPDATE SET data = EXCLUDED.data", id, json));
    }

    public bool Delete(string id) => Change(tx =>
    {
        using var command = Command(tx.Connection, tx.Transaction, $"DELETE FROM {PostgresSchema.DocumentsTable} WHERE collection = $1 AND id = $2", Collection, id);
        return command.ExecuteNonQuery() == 1;
    });

    public int DeleteMany(Expression<Func<T, bool>> predicate) => Change(tx =>
    {
        using var context = DocumentContexts<T>.Open(tx.Connection, tx.Transaction);
        return context.Documents.Where(d => d.Collection == Collection).Where(PredicateRewriter<T>.Rewrite(predicate)).ExecuteDelete();
    });

    public void EnsureIndex<TKey>(Expression<Func<T, TKey>> key, bool unique = false) => store.EnsureIndex(Collection, key, unique);

    private TResult Query<TResult>(Func<IQueryable<Document<T>>, TResult> query) => store.Run(bound, (connection, tx) =>
    {
        using var context = DocumentContexts<T>.Open(connection, tx);
        return query(context.Documents.AsNoTracking().Where(d => d.Collection == Collection));
    });

    private TResult Change<TResult>(Func<PostgresUnitOfWork, TResult> change)
    {
        var tx = store.ActiveUnitOfWork(bound)
            ?? throw new InvalidOperationException($"{typeof(T).Name} changed outside a unit of work: use IOnCallStore.Write.");
        tx.Changed.Add(typeof(T));
        return store.Run(tx, (_, _) => change(tx));
    }

    private static int Execute(PostgresUnitOfWork tx, string onConflict, string id, string json)
    {
        using var command = Command(tx.Connection, tx.Transaction, $"INSERT INTO {PostgresSchema.DocumentsTable} (collection, id, data) VALUES ($1, $2, $3) {onConflict}", Collection, id);
        command.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        return command.ExecuteNonQuery();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params string[] values)
    {
        var command = new NpgsqlCommand(sql, connection, tx);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static string Serialize(T item) => JsonSerializer.Serialize(item, StoreJson.Options);

    private static T Deserialize(string json) =>
        JsonSerializer.Deserialize<T>(json, StoreJson.Options) ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");
}
