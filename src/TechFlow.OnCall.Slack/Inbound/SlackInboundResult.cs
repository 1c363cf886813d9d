using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// What a request from Slack is answered with, whichever transport carried it: over HTTP the status and JSON body,
/// over Socket Mode the acknowledgement and (where Slack accepts one) its payload.
/// </summary>
/// <remarks>The body is kept as a JSON object or, for a slash command's answer, as the UTF-8 JSON already written.</remarks>
public sealed record SlackInboundResult(int Status, JsonObject? Node = null, byte[]? Utf8Json = null)
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static SlackInboundResult Ok { get; } = new(StatusCodes.Status200OK);

    public static SlackInboundResult BadRequest { get; } = new(StatusCodes.Status400BadRequest);

    public static SlackInboundResult Json(JsonObject body) => new(StatusCodes.Status200OK, body);

    /// <summary>A 200 with JSON already written as UTF-8 (shared; never modified).</summary>
    public static SlackInboundResult Json(byte[] utf8Json) => new(StatusCodes.Status200OK, Utf8Json: utf8Json);

    /// <summary>The JSON body, if any, as a new object the caller may change.</summary>
    public JsonObject? Body => Node ?? (Utf8Json is null ? null : JsonNode.Parse(Utf8Json)?.AsObject());

    /// <summary>The HTTP answer: the JSON body when there is one, else the bare status.</summary>
    public IResult ToHttp() => Utf8Json is not null
        ? new Utf8JsonResult(Utf8Json)
        : Node is null
            ? Results.StatusCode(Status)
            : Results.Text(Node.ToJsonString(), JsonContentType, statusCode: Status);

    /// <summary>Writes the bytes as they are, with their length (no re-encoding, no chunking).</summary>
    private sealed class Utf8JsonResult(byte[] json) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = JsonContentType;
            response.ContentLength = json.Length;
            return response.Body.WriteAsync(json, httpContext.RequestAborted).AsTask();
        }
    }
}
