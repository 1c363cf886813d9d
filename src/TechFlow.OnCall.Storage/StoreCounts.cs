using System.Collections.ObjectModel;

namespace TechFlow.OnCall.Storage;

/// <summary>How many records each collection holds: what a backup or restore checks its copy against.</summary>
public sealed class StoreCounts(IDictionary<string, int> byCollection)
{
    public IReadOnlyDictionary<string, int> ByCollection { get; } =
        new ReadOnlyDictionary<string, int>(new SortedDictionary<string, int>(byCollection, StringComparer.Ordinal));

    public int Total => ByCollection.Values.Sum();

    /// <summary>The collections whose counts differ from <paramref name="other"/>'s, described; empty when they match.</summary>
    public IReadOnlyList<string> Differences(StoreCounts other) =>
    [
        .. ByCollection.Keys.Union(other.ByCollection.Keys).Order(StringComparer.Ordinal)
            .Where(name => ByCollection.GetValueOrDefault(name) != other.ByCollection.GetValueOrDefault(name))
            .Select(name => $"{name}: {ByCollection.GetValueOrDefault(name)} here, {other.ByCollection.GetValueOrDefault(name)} there"),
    ];

    public override string ToString() => $"{Total} records in {ByCollection.Count} collections";
}
