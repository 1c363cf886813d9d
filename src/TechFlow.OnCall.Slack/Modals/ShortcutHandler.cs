using System.Text.Json;

namespace TechFlow.OnCall.Slack.Modals;

/// <summary>
/// Global shortcuts (<c>shortcut</c>: swap, time off, page) and the message shortcut (<c>message_action</c>: page
/// with the message's text) from the manifest; each opens its form at once, while the trigger id is valid.
/// </summary>
public sealed class ShortcutHandler(ModalOpener opener)
{
    public const string SwapShortcut = "oncall_swap";
    public const string TimeOffShortcut = "oncall_timeoff";
    public const string PageShortcut = "oncall_page";
    public const string PageMessageShortcut = "oncall_page_message";

    /// <summary>False when the payload is not a shortcut of ours.</summary>
    public async Task<bool> HandleAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var kind = ViewSubmission.Str(payload, "callback_id") switch
        {
            SwapShortcut => ModalOpener.Swap,
            TimeOffShortcut => ModalOpener.TimeOff,
            PageShortcut or PageMessageShortcut => ModalOpener.Page,
            _ => null,
        };
        if (kind is null || ViewSubmission.Str(payload, "trigger_id") is not { } trigger
            || !payload.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object || ViewSubmission.Str(user, "id") is not { } userId)
        {
            return false;
        }

        var message = payload.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? ViewSubmission.Str(m, "text") : null;
        return await opener.OpenAsync(kind, trigger, userId, message, cancellationToken);
    }
}
