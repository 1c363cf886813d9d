namespace TechFlow.OnCallBot.Extensions;

/// <summary>Configuration section <c>Store</c>.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>The LiteDB file; created on first start. <c>:memory:</c> keeps nothing.</summary>
    public string Path { get; set; } = "data/oncall.db";

    /// <summary><c>techflow</c> fills an empty store from <see cref="SeedFile"/>; <c>none</c> leaves it empty.</summary>
    public string Seed { get; set; } = "techflow";

    /// <summary>The team file to seed from, relative to the app folder when not absolute.</summary>
    public string SeedFile { get; set; } = "seed/techflow.json";
}
