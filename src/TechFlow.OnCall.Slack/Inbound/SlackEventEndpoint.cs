using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TechFlow.OnCall.Slack.Events;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// POST /slack/events: answers url_verification, acknowledges each event_callback at once, drops retries of an
/// event_id already accepted, and hands the event to its handlers in the background.
/// </summary>
public sealed class SlackEventEndpoint(
    SlackRequestReader reader,
    SlackEventReceipts receipts,
    IEnumerable<IEventCallbackHandler> handlers,
    SlackBackgroundWork background,
    ILogger<SlackEventEndpoint> logger)
{
    private readonly IEventCallbackHandler[] _handlers = [.. handlers];

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var (body, status) = await reader.ReadVerifiedAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(status);
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

        if (type != "event_callback")
        {
            return Results.Ok();
        }

        if (EventCallback.Parse(root) is not { } callback)
        {
            return Results.BadRequest();
        }

        var interested = _handlers.Where(h => h.EventTypes.Contains(callback.Type)).ToList();
        if (interested.Count == 0 || callback.IsFromBot || !receipts.TryAccept(callback.EventId))
        {
            return Results.Ok();
        }

        background.TryQueue(async ct =>
        {
            foreach (var handler in interested)
            {
                try
                {
                    await handler.HandleAsync(callback, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Slack event {EventId} ({Type}) failed in {Handler}", callback.EventId, callback.Type, handler.GetType().Name);
                }
            }
        });
        return Results.Ok();
    }
}
