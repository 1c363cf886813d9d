using System.Text.Json;
using Microsoft.Extensions.Logging;
using TechFlow.OnCall.Slack.Events;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// Takes an Events API <c>event_callback</c> from either transport: drops one whose event_id was accepted before
/// (Slack's retries), and hands the event to its handlers in the background, so the caller can acknowledge at once.
/// </summary>
public sealed class SlackEventDispatcher(
    SlackEventReceipts receipts,
    IEnumerable<IEventCallbackHandler> handlers,
    SlackBackgroundWork background,
    ILogger<SlackEventDispatcher> logger)
{
    private readonly IEventCallbackHandler[] _handlers = [.. handlers];

    public SlackInboundResult Dispatch(JsonElement root)
    {
        var type = root.ValueKind == JsonValueKind.Object ? EventCallback.Str(root, "type") : null;
        if (type != "event_callback")
        {
            return SlackInboundResult.Ok;
        }

        if (EventCallback.Parse(root) is not { } callback)
        {
            return SlackInboundResult.BadRequest;
        }

        var interested = _handlers.Where(h => h.EventTypes.Contains(callback.Type)).ToList();
        if (interested.Count == 0 || callback.IsFromBot || !receipts.TryAccept(callback.EventId))
        {
            return SlackInboundResult.Ok;
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
        return SlackInboundResult.Ok;
    }
}
