using System.Text.Json;
using System.Text.Json.Serialization;

namespace TechFlow.OnCall.Teams.Activities;

/// <summary>The JSON conventions of the Bot Framework wire format: camelCase, nulls omitted.</summary>
public static class TeamsJson
{
    /// <summary>The conventions, with the generated serialisers of <see cref="TeamsJsonContext"/>.</summary>
    public static JsonSerializerOptions Options => TeamsJsonContext.Default.Options;
}

/// <summary>
/// Generated (de)serialisers for the activities the bot reads, and the one place <see cref="TeamsJson"/>'s conventions
/// are set. Generated, not reflected, so the native build reads activities exactly as the JIT build does.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
