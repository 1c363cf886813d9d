using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>
/// Creates and migrates the schema at start: numbered SQL scripts (embedded <c>Migrations/NNN_name.sql</c>), each
/// applied once in its own transaction and recorded in <c>oncall_schema_version</c>.
/// </summary>
/// <remarks>
/// Replicas that start together queue on a session advisory lock, so exactly one applies a missing script and the
/// others then find it recorded. A database newer than this build (a later script recorded) is refused rather than
/// written to by code that does not know its shape.
/// </remarks>
public static class PostgresSchema
{
    public const string DocumentsTable = "oncall_documents";
    public const string VersionTable = "oncall_schema_version";
    public const string CommitVersionsTable = "oncall_commit_versions";

    /// <summary>The advisory lock held while migrating or creating indexes ("OnCallMg").</summary>
    internal const long MigrationLockKey = 0x4F6E43616C6C4D67;

    /// <summary>The scripts this build knows, in order.</summary>
    public static IReadOnlyList<(int Version, string Name)> Migrations { get; } = Discover();

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => Migrations[^1].Version;

    /// <summary>Applies every missing script; returns how many were applied.</summary>
    public static int Migrate(NpgsqlDataSource source, ILogger logger)
    {
        using var connection = source.OpenConnection();
        Execute(connection, null, "SELECT pg_advisory_lock($1)", MigrationLockKey);
        try
        {
            Execute(connection, null, $"CREATE TABLE IF NOT EXISTS {VersionTable} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            var current = CurrentVersion(connection);
            if (current > Latest)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL schema is at version {current}, newer than this build knows ({Latest}). Run the newer bot, or restore a backup of the older schema.");
            }

            var applied = 0;
            foreach (var (version, name) in Migrations.Where(m => m.Version > current))
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, transaction, Script(name));
                Execute(connection, transaction, $"INSERT INTO {VersionTable} (version, name) VALUES ($1, $2)", version, name);
                transaction.Commit();
                logger.LogInformation("Applied PostgreSQL schema migration {Version} ({Name})", version, name);
                applied++;
            }

            return applied;
        }
        finally
        {
            Execute(connection, null, "SELECT pg_advisory_unlock($1)", MigrationLockKey);
        }
    }

    /// <summary>The highest version recorded in the database (0 for an empty one).</summary>
    public static int CurrentVersion(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {VersionTable}", connection);
        return (int)command.ExecuteScalar()!;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        command.ExecuteNonQuery();
    }

    private static string Script(string name)
    {
        using var stream = typeof(PostgresSchema).Assembly.GetManifestResourceStream($"Migrations.{name}.sql")
            ?? throw new InvalidOperationException($"Migration {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<(int, string)> Discover() =>
        [.. typeof(PostgresSchema).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n["Migrations.".Length..^".sql".Length])
            .Select(n => (int.Parse(n[..3], NumberStyles.None, CultureInfo.InvariantCulture), n))
            .OrderBy(m => m.Item1)];
}
