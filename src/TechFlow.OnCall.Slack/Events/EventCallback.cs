using System.Text.Json;

namespace TechFlow.OnCall.Slack.Events;

/// <summary>The parts of an Events API <c>event_callback</c> the bot uses: the envelope and its inner event.</summary>
public sealed record EventCallback(
    string EventId,
    string? TeamId,
    string Type,
    string? Subtype,
    string? User,
    string? BotId,
    string Text,
    string? Channel,
    string? ChannelType,
    string? Ts,
    string? ThreadTs,
    IReadOnlyList<string> BotUserIds,
    string? Tab = null)
{
    /// <summary>Reads an event_callback envelope; null when it lacks event_id or event.type.</summary>
    public static EventCallback? Parse(JsonElement root)
    {
        if (Str(root, "event_id") is not { Length: > 0 } eventId
            || !root.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.Object
            || Str(e, "type") is not { Length: > 0 } type)
        {
            return null;
        }

        var bots = new List<string>();
        if (root.TryGetProperty("authorizations", out var auths) && auths.ValueKind == JsonValueKind.Array)
        {
            bots.AddRange(auths.EnumerateArray()
                .Where(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("is_bot", out var b) && b.ValueKind == JsonValueKind.True)
                .Select(a => Str(a, "user_id")).OfType<string>());
        }

        return new EventCallback(eventId, Str(root, "team_id"), type, Str(e, "subtype"), Str(e, "user"), Str(e, "bot_id"),
            Str(e, "text") ?? "", Str(e, "channel"), Str(e, "channel_type"), Str(e, "ts"), Str(e, "thread_ts"), bots, Str(e, "tab"));
    }

    /// <summary>True for messages written by a bot (this one included), which the bot never answers.</summary>
    public bool IsFromBot => BotId is not null || Subtype is "bot_message" || (User is not null && BotUserIds.Contains(User));

    internal static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
