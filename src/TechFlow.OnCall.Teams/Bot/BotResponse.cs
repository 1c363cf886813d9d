using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Teams.Bot;

/// <summary>The HTTP answer to an inbound activity: a status and, for invokes, a JSON body.</summary>
public sealed record BotResponse(int Status, JsonNode? Body = null)
{
    public static BotResponse Ok { get; } = new(200);
}
