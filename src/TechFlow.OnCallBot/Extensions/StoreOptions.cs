using TechFlow.OnCallBot.Providers;

namespace TechFlow.OnCallBot.Extensions;

/// <summary>Configuration section <c>Store</c>.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    public const string LiteDb = "LiteDb";
    public const string Postgres = "Postgres";

    /// <summary><c>LiteDb</c> (one process, one file) or <c>Postgres</c> (one or more replicas on one database).</summary>
    public string Provider { get; set; } = LiteDb;

    /// <summary>The LiteDB file; created on first start. <c>:memory:</c> keeps nothing. Used when the provider is LiteDb.</summary>
    public string Path { get; set; } = "data/oncall.db";

    /// <summary>An Npgsql connection string (<c>Host=...;Database=...;Username=...;Password=...</c>), for <c>Postgres</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary><c>techflow</c> fills an empty store from <see cref="SeedFile"/>; <c>none</c> leaves it empty.</summary>
    public string Seed { get; set; } = "techflow";

    /// <summary>The team file to seed from, relative to the app folder when not absolute.</summary>
    public string SeedFile { get; set; } = "seed/techflow.json";

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the store is, for logs: the file, or the PostgreSQL host and database (never the password).</summary>
    public string Describe() => IsPostgres ? PostgresStoreProvider.Describe(ConnectionString) : Path;
}
