using System.Net;
using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Teams.Connector;

/// <summary>What the Bot Connector answered.</summary>
public sealed record ConnectorResult(HttpStatusCode Status, JsonNode? Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>Rate limits and server errors: worth trying again.</summary>
    public bool IsTransient => Status == HttpStatusCode.TooManyRequests || (int)Status >= 500;

    /// <summary>The <c>id</c> of a ResourceResponse or ConversationResourceResponse.</summary>
    public string? Id => Body?["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? Body["id"]!.GetValue<string>() : null;
}
