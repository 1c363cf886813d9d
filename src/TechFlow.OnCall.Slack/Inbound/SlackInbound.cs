using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TechFlow.OnCall.Core.Inbound;
using TechFlow.OnCall.Slack.Events;
using TechFlow.OnCall.Slack.Interactions;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>What became of a verified Slack delivery handed to <see cref="SlackInbound"/>.</summary>
public enum SlackDelivery
{
    /// <summary>Recorded with its work; acknowledge it.</summary>
    Accepted,
    /// <summary>Recorded before (a retry); acknowledge it and do nothing.</summary>
    Duplicate,
    /// <summary>Nothing to do for it (a bot's message, an event type nobody handles); acknowledge it.</summary>
    Ignored,
    /// <summary>Not a well-formed delivery; refuse it (400 over HTTP).</summary>
    Invalid,
}

/// <summary>
/// The transport-neutral entry for Slack events and button presses: whichever transport received and verified a
/// delivery (HTTP today, Socket Mode next) hands it here before acknowledging it. The delivery and its work are
/// recorded in one unit of work (<see cref="Inbox"/>), so an acknowledged delivery is never lost and a
/// retried one is never processed twice.
/// </summary>
public sealed class SlackInbound(Inbox queue, SlackEventWork events, SlackActionWork actions)
{
    /// <summary>An Events API <c>event_callback</c> envelope (its outer JSON object).</summary>
    public SlackDelivery AcceptEvent(JsonElement envelope)
    {
        if (EventCallback.Parse(envelope) is not { } callback)
        {
            return SlackDelivery.Invalid;
        }

        if (!events.Wants(callback))
        {
            return SlackDelivery.Ignored;
        }

        return queue.TryAccept($"{SlackEventWork.WorkKind}:{callback.EventId}", SlackEventWork.WorkKind, envelope.GetRawText())
            ? SlackDelivery.Accepted
            : SlackDelivery.Duplicate;
    }

    /// <summary>An interaction payload; only <c>block_actions</c> carry work, other types are ignored.</summary>
    public SlackDelivery AcceptInteraction(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return SlackDelivery.Invalid;
        }

        if (payload.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "block_actions")
        {
            return SlackDelivery.Ignored;
        }

        if (BlockActionRequest.Parse(payload) is not { } request)
        {
            return SlackDelivery.Invalid;
        }

        if (actions.HandlerFor(request) is null)
        {
            return SlackDelivery.Ignored;
        }

        var raw = payload.GetRawText();
        return queue.TryAccept($"{SlackActionWork.WorkKind}:{PressId(payload, raw)}", SlackActionWork.WorkKind, raw)
            ? SlackDelivery.Accepted
            : SlackDelivery.Duplicate;
    }

    /// <summary>Slack's <c>trigger_id</c> names one press; without it, the payload itself does.</summary>
    private static string PressId(JsonElement payload, string raw) =>
        payload.TryGetProperty("trigger_id", out var trigger) && trigger.ValueKind == JsonValueKind.String && trigger.GetString() is { Length: > 0 } id
            ? id
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
}
