using System.Reflection;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Cli;

/// <summary>
/// The record types a store holds, found by collection name (the type's name) among the assemblies that define
/// records: the core, the platform adapters and the host.
/// </summary>
public static class StoreCollections
{
    private static readonly Assembly[] RecordAssemblies =
    [
        typeof(IOnCallStore).Assembly,
        typeof(OnCall.Slack.SlackOptions).Assembly,
        typeof(OnCall.Teams.TeamsOptions).Assembly,
        typeof(StoreCollections).Assembly,
    ];

    /// <summary>The record type stored in <paramref name="collection"/>, or null when none or several match.</summary>
    public static Type? Find(string collection)
    {
        var matches = RecordAssemblies
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsGenericType && string.Equals(t.Name, collection, StringComparison.OrdinalIgnoreCase))
            .Where(t => t.GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)?.PropertyType == typeof(string))
            .Distinct()
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
