using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>
/// <see cref="Core.Storage.IRepository{T}.EnsureIndex"/> on PostgreSQL: an expression index on
/// <c>(collection, data -&gt;&gt; 'Property')</c>, cast the way Entity Framework's translation casts it.
/// </summary>
/// <remarks>
/// Only keys PostgreSQL can index exactly that way get one: text, and numbers and enums (stored as numbers).
/// Instants and dates are compared through a text-to-timestamp cast that depends on the session's settings, which
/// an index may not hold; those collections are filtered on the (collection, id) key instead. Indexes are an
/// optimisation only: a key that cannot be indexed is skipped, never refused.
/// </remarks>
internal static class PostgresIndexes
{
    public static void Ensure<T, TKey>(NpgsqlDataSource source, string collection, Expression<Func<T, TKey>> key, bool unique, ILogger logger)
    {
        if (key.Body is not MemberExpression { Expression: ParameterExpression } member || Cast(member.Type) is not { } cast)
        {
            return;
        }

        var property = member.Member.Name;
        var name = Name(collection, property);
        var column = cast.Length == 0 ? $"(data ->> '{property}')" : $"((data ->> '{property}')::{cast})";
        var sql = $"CREATE {(unique ? "UNIQUE " : "")}INDEX IF NOT EXISTS {name} ON {PostgresSchema.DocumentsTable} (collection, {column})";
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            // The migration lock: two replicas creating the same index at once would otherwise collide.
            command.Parameters.Add(new NpgsqlParameter { Value = PostgresSchema.MigrationLockKey });
            command.ExecuteNonQuery();
        }

        using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        logger.LogDebug("Index {Index} ensured", name);
    }

    private static string? Cast(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return "";
        }

        if (t.IsEnum || t == typeof(int) || t == typeof(short))
        {
            return "integer";
        }

        return t == typeof(long) ? "bigint" : t == typeof(bool) ? "boolean" : null;
    }

    private static string Name(string collection, string property)
    {
        var name = $"ix_{collection}_{property}".ToLowerInvariant();
        if (name.Length <= 63)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return name[..54] + "_" + hash;
    }
}
