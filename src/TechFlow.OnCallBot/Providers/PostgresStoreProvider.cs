using System.Runtime.CompilerServices;
using Npgsql;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage.Postgres;

namespace TechFlow.OnCallBot.Providers;

/// <summary>
/// Every place the host touches the PostgreSQL provider. Its methods are never inlined, so a host on LiteDB never
/// compiles them and never loads Npgsql or Entity Framework (cold start and idle memory stay as they were).
/// The native build (<c>-p:PublishAot=true</c>, docs/operations.md) has no PostgreSQL provider: Entity Framework
/// translates LINQ at run time, which needs a JIT. There every method here refuses with <see cref="NativeBuild"/>, and
/// the compiler drops the provider, since <see cref="RuntimeFeature.IsDynamicCodeSupported"/> is a constant there.
/// </summary>
public static class PostgresStoreProvider
{
    /// <summary>Why the native build refuses <c>Store:Provider=Postgres</c>.</summary>
    public const string NativeBuild =
        "This is the native build of the bot, which keeps its store in LiteDB only. PostgreSQL (Store:Provider=Postgres) needs the .NET build: dotnet publish without -p:PublishAot=true, then dotnet TechFlow.OnCallBot.dll.";

    /// <summary>Whether this build can open PostgreSQL (every build but the native one).</summary>
    public static bool Available => RuntimeFeature.IsDynamicCodeSupported;

    public static IOnCallStore Open(string connectionString, ILoggerFactory loggers) =>
        RuntimeFeature.IsDynamicCodeSupported ? OpenWithJit(connectionString, loggers) : throw new StoreUnavailableException(NativeBuild);

    /// <summary>Whether <paramref name="connectionString"/> parses; the message says why not.</summary>
    public static bool TryParse(string connectionString, out string error)
    {
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            error = NativeBuild;
            return false;
        }

        return TryParseWithJit(connectionString, out error);
    }

    public static string Describe(string connectionString) =>
        RuntimeFeature.IsDynamicCodeSupported ? DescribeWithJit(connectionString) : "PostgreSQL (not in the native build)";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PostgresStore OpenWithJit(string connectionString, ILoggerFactory loggers) => PostgresStore.Open(connectionString, loggers);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryParseWithJit(string connectionString, out string error)
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
    private static string DescribeWithJit(string connectionString)
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
