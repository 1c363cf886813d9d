using System.Text.Json;

namespace TechFlow.OnCall.Slack.Modals;

/// <summary>A <c>view_submission</c>: who submitted which modal, and what each input holds (by block id).</summary>
public sealed record ViewSubmission(string UserId, string CallbackId, string? ViewId, string PrivateMetadata, JsonElement Values)
{
    /// <summary>Reads a view_submission payload; null when it lacks the user, the view or its callback id.</summary>
    public static ViewSubmission? Parse(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object || Str(user, "id") is not { Length: > 0 } userId
            || !payload.TryGetProperty("view", out var view) || view.ValueKind != JsonValueKind.Object
            || Str(view, "callback_id") is not { Length: > 0 } callbackId)
        {
            return null;
        }

        var values = view.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.Object
            && state.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
        return new ViewSubmission(userId, callbackId, Str(view, "id"), Str(view, "private_metadata") ?? "", values);
    }

    /// <summary>
    /// The value of the input in <paramref name="blockId"/>: typed text, the selected option's value, the picked date
    /// or the picked user; null when empty.
    /// </summary>
    public string? Value(string blockId)
    {
        if (Values.ValueKind != JsonValueKind.Object || !Values.TryGetProperty(blockId, out var block) || block.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var action in block.EnumerateObject().Select(a => a.Value).Where(a => a.ValueKind == JsonValueKind.Object))
        {
            var value = Str(action, "value") ?? Str(action, "selected_date") ?? Str(action, "selected_user")
                ?? (action.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object ? Str(option, "value") : null);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }

    internal static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
