using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// What a request from Slack is answered with, whichever transport carried it: over HTTP the status and JSON body,
/// over Socket Mode the acknowledgement and (where Slack accepts one) its payload.
/// </summary>
public sealed record SlackInboundResult(int Status, JsonObject? Body = null)
{
    public static SlackInboundResult Ok { get; } = new(StatusCodes.Status200OK);

    public static SlackInboundResult BadRequest { get; } = new(StatusCodes.Status400BadRequest);

    public static SlackInboundResult Json(JsonObject body) => new(StatusCodes.Status200OK, body);

    /// <summary>The HTTP answer: the JSON body when there is one, else the bare status.</summary>
    public IResult ToHttp() => Body is null
        ? Results.StatusCode(Status)
        : Results.Text(Body.ToJsonString(), "application/json; charset=utf-8", statusCode: Status);
}
