using System.Runtime.CompilerServices;
using Npgsql;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage.Postgres;

namespace TechFlow.OnCallBot.Extensions;

/// <summary>
/// Every place the host touches the PostgreSQL provider. Its methods are never inlined, so a host on LiteDB never
/// compiles them and never loads Npgsql or Entity Framework (cold start and idle memory stay as they were).
/// </summary>
public static class PostgresStoreProvider
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IOnCallStore Open(string connectionString, ILoggerFactory loggers) => PostgresStore.Open(connectionString, loggers);

    /// <summary>Whether <paramref name="connectionString"/> parses; the message says why not.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool TryParse(string connectionString, out string error)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            error = string.IsNullOrEmpty(builder.Host) ? "Store:ConnectionString needs a Host" : "";
            return error.Length == 0;
        }
        catch (ArgumentException ex)
        {
            error = "Store:ConnectionString is not a valid PostgreSQL connection string: " + ex.Message;
            return false;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (unreadable connection string)";
        }
    }
}
