using System.Text.Json;
using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Slack.Api;

/// <summary>
/// A message body: the notification/fallback <see cref="Text"/>, the Block Kit <see cref="Blocks"/> and optional
/// message <see cref="Metadata"/> (<c>event_type</c> + <c>event_payload</c>), which apps can read back.
/// </summary>
public sealed record SlackMessage(string Text, JsonArray Blocks, JsonObject? Metadata = null)
{
    /// <summary>Writes <c>text</c>, a copy of <c>blocks</c> and, when set, <c>metadata</c> into <paramref name="target"/>.</summary>
    public JsonObject WriteTo(JsonObject target)
    {
        target["text"] = Text;
        target["blocks"] = Blocks.DeepClone();
        if (Metadata is not null)
        {
            target["metadata"] = Metadata.DeepClone();
        }

        return target;
    }

    /// <summary>Writes the same <c>text</c>, <c>blocks</c> and <c>metadata</c> properties as <see cref="WriteTo(JsonObject)"/> into an open JSON object.</summary>
    public void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteString("text", Text);
        writer.WritePropertyName("blocks");
        Blocks.WriteTo(writer);
        if (Metadata is not null)
        {
            writer.WritePropertyName("metadata");
            Metadata.WriteTo(writer);
        }
    }
}
