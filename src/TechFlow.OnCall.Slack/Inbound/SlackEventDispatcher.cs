using System.Text.Json;
using TechFlow.OnCall.Slack.Events;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>
/// Takes an Events API <c>event_callback</c> from either transport and hands it to <see cref="SlackInbound"/>, which
/// records it with its work in one unit of work (a retried event_id is recognised there), so the caller can
/// acknowledge at once without ever losing the event.
/// </summary>
public sealed class SlackEventDispatcher(SlackInbound inbound)
{
    public SlackInboundResult Dispatch(JsonElement root)
    {
        var type = root.ValueKind == JsonValueKind.Object ? EventCallback.Str(root, "type") : null;
        if (type != "event_callback")
        {
            return SlackInboundResult.Ok;
        }

        return inbound.AcceptEvent(root) == SlackDelivery.Invalid ? SlackInboundResult.BadRequest : SlackInboundResult.Ok;
    }
}
