using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Slack.Api;

/// <summary>A message body: the notification/fallback <see cref="Text"/> and the Block Kit <see cref="Blocks"/>.</summary>
public sealed record SlackMessage(string Text, JsonArray Blocks)
{
    /// <summary>Writes <c>text</c> and a copy of <c>blocks</c> into <paramref name="target"/>.</summary>
    public JsonObject WriteTo(JsonObject target)
    {
        target["text"] = Text;
        target["blocks"] = Blocks.DeepClone();
        return target;
    }
}
