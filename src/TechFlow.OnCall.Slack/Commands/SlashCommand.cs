using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace TechFlow.OnCall.Slack.Commands;

/// <summary>A slash command as Slack posts it (form fields; the deprecated token and user_name are ignored).</summary>
public sealed record SlashCommand(
    string Command,
    string Text,
    string UserId,
    string? ChannelId,
    string? TeamId,
    string? ResponseUrl,
    string? TriggerId)
{
    /// <summary>Parses a form-encoded body; null when a required field (command, user_id) is missing.</summary>
    public static SlashCommand? Parse(string body)
    {
        var form = QueryHelpers.ParseQuery(body);
        string? Get(string key) => form.TryGetValue(key, out var v) && v.Count > 0 ? v[0] : null;
        var command = Get("command");
        var user = Get("user_id");
        if (string.IsNullOrEmpty(command) || string.IsNullOrEmpty(user))
        {
            return null;
        }

        return new SlashCommand(command, Get("text") ?? "", user, Get("channel_id"), Get("team_id"), Get("response_url"), Get("trigger_id"));
    }

    /// <summary>Reads the same fields from a JSON object (a Socket Mode <c>slash_commands</c> payload).</summary>
    public static SlashCommand? FromJson(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Get(string key) => payload.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var command = Get("command");
        var user = Get("user_id");
        if (string.IsNullOrEmpty(command) || string.IsNullOrEmpty(user))
        {
            return null;
        }

        return new SlashCommand(command, Get("text") ?? "", user, Get("channel_id"), Get("team_id"), Get("response_url"), Get("trigger_id"));
    }
}
