using System.Text.Json;
using System.Text.Json.Serialization;

namespace TechFlow.OnCall.Teams.Activities;

/// <summary>The JSON conventions of the Bot Framework wire format: camelCase, nulls omitted.</summary>
public static class TeamsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = TeamsJsonContext.Default,
    };
}

/// <summary>
/// Generated (de)serialisers for the activities the bot reads, with <see cref="TeamsJson"/>'s conventions. Generated,
/// not reflected, so the native build reads activities exactly as the JIT build does.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
