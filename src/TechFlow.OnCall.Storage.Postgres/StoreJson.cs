using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TechFlow.OnCall.Storage.Postgres;

/// <summary>
/// How records become JSONB documents: System.Text.Json defaults (property names as declared, enums as numbers,
/// instants as ISO-8601 with their offset), minus computed properties, which have no setter and are not stored.
/// </summary>
/// <remarks>
/// Entity Framework translates predicates against these names and representations (for example
/// <c>CAST(data -&gt;&gt; 'Status' AS integer)</c> for an enum), so they must stay the defaults.
/// </remarks>
internal static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipComputedProperties } },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void SkipComputedProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
