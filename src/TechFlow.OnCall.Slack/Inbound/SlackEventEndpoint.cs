using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TechFlow.OnCall.Slack.Events;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// POST /slack/events: answers url_verification and hands each event_callback to the
/// <see cref="SlackEventDispatcher"/> that Socket Mode uses too (it acknowledges at once and drops retries).
/// </summary>
public sealed class SlackEventEndpoint(SlackRequestReader reader, SlackEventDispatcher dispatcher)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (body, status) = await reader.ReadVerifiedAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(status);
        }

        // Slack sends UTF-8; invalid bytes inside a JSON string would only fail later, when the string is read.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return Results.BadRequest();
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        var type = root.ValueKind == JsonValueKind.Object ? EventCallback.Str(root, "type") : null;
        if (type == "url_verification")
        {
            return EventCallback.Str(root, "challenge") is { } challenge
                ? Results.Text(new JsonObject { ["challenge"] = challenge }.ToJsonString(), "application/json")
                : Results.BadRequest();
        }

        return dispatcher.Dispatch(root).ToHttp();
    }
}
