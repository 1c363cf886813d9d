using System.Text.Json;

namespace TechFlow.OnCall.Slack.Interactions;

/// <summary>One button press from a <c>block_actions</c> payload (the first action; Slack sends one per click).</summary>
public sealed record BlockActionRequest(
    string UserId,
    string ActionId,
    string Value,
    string? ChannelId,
    string? MessageTs,
    bool IsEphemeral,
    string? ResponseUrl,
    string? TriggerId = null,
    string? ViewId = null,
    string? ViewHash = null,
    JsonElement ViewValues = default)
{
    /// <summary>Reads a <c>block_actions</c> payload; null when it is another type or lacks user or action.</summary>
    public static BlockActionRequest? Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object || Str(payload, "type") != "block_actions"
            || !payload.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object
            || Str(user, "id") is not { Length: > 0 } userId
            || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array
            || actions.GetArrayLength() == 0 || actions[0].ValueKind != JsonValueKind.Object
            || Str(actions[0], "action_id") is not { Length: > 0 } actionId)
        {
            return null;
        }

        var action = actions[0];
        var value = Str(action, "value")
            ?? (action.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object ? Str(option, "value") : null)
            ?? "";
        var container = payload.TryGetProperty("container", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var channel = payload.TryGetProperty("channel", out var ch) && ch.ValueKind == JsonValueKind.Object ? Str(ch, "id") : null;
        var isContainer = container.ValueKind == JsonValueKind.Object;
        var isView = payload.TryGetProperty("view", out var view) && view.ValueKind == JsonValueKind.Object;
        return new BlockActionRequest(
            userId,
            actionId,
            value,
            (isContainer ? Str(container, "channel_id") : null) ?? channel,
            isContainer ? Str(container, "message_ts") : null,
            isContainer && container.TryGetProperty("is_ephemeral", out var eph) && eph.ValueKind == JsonValueKind.True,
            Str(payload, "response_url"),
            Str(payload, "trigger_id"),
            isView ? Str(view, "id") : null,
            isView ? Str(view, "hash") : null,
            isView && view.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.Object
                && state.TryGetProperty("values", out var values) ? values.Clone() : default);
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
