using System.Text.Json.Nodes;
using TechFlow.OnCall.Slack.Api;

namespace TechFlow.OnCall.Slack.Commands;

/// <summary>The answer to a slash command: ephemeral unless <see cref="InChannel"/>.</summary>
public sealed record SlashCommandResponse(SlackMessage Message, bool InChannel)
{
    /// <summary>The JSON Slack expects inline or on response_url.</summary>
    public JsonObject ToJson() =>
        Message.WriteTo(new JsonObject { ["response_type"] = InChannel ? "in_channel" : "ephemeral" });
}
