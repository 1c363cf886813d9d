using Npgsql;
using Xunit;

namespace TechFlow.OnCall.Testing;

/// <summary>
/// A fresh database on the throwaway PostgreSQL cluster that <c>test.sh</c> and <c>.ci/run</c> start, named by
/// <c>ONCALL_TEST_POSTGRES</c> (a connection string with rights to create databases). Dropped on dispose.
/// </summary>
/// <remarks>
/// Without <c>ONCALL_TEST_POSTGRES</c> the calling test is skipped with that reason (tests that use it are
/// <c>[SkippableFact]</c>), except in CI (<c>CI</c> set), where it fails: there PostgreSQL must be there.
/// </remarks>
public sealed class PostgresTestDatabase : IDisposable
{
    public const string Variable = "ONCALL_TEST_POSTGRES";

    private readonly string _admin;
    private readonly string _name;

    private PostgresTestDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Connection string of this test's own database.</summary>
    public string ConnectionString { get; }

    public static PostgresTestDatabase Create()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException($"CI is set but {Variable} is not: .ci/run (through test.sh) starts a throwaway PostgreSQL cluster and exports it.");
            }

            Skip.If(true, $"{Variable} is not set: run ./test.sh, which starts a throwaway PostgreSQL cluster, or point it at one.");
        }

        var name = $"oncall_test_{Guid.NewGuid():N}";
        Execute(admin!, $"CREATE DATABASE {name}");
        return new PostgresTestDatabase(admin!, name);
    }

    /// <summary>A connection string for the same database as another client (a second replica's own pool).</summary>
    public string ForReplica(string name) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = name }.ConnectionString;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
