using System.Text.Json;
using System.Text.Json.Serialization;

namespace TechFlow.OnCall.Storage;

/// <summary>
/// What the holder of a store's lock file writes into it: its process id and, for a host serving HTTP, the loopback
/// address and token of its admin routes (so a CLI on the same machine can ask it for a backup instead of opening the
/// live file). The file is created readable by its owner only.
/// </summary>
public sealed record StoreLockInfo(int Pid, string? AdminUrl = null, string? AdminToken = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, StoreLockInfoJson.Default.StoreLockInfo);

    /// <summary>Parses the lock file's text; null when it is empty or not (yet) complete.</summary>
    public static StoreLockInfo? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, StoreLockInfoJson.Default.StoreLockInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StoreLockInfo))]
internal sealed partial class StoreLockInfoJson : JsonSerializerContext;
