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
    /// <summary>The form fields read, in the order <see cref="Parse"/> keeps them.</summary>
    private static readonly string[] FormFields = ["command", "text", "user_id", "channel_id", "team_id", "response_url", "trigger_id"];

    /// <summary>Parses a form-encoded body; null when a required field (command, user_id) is missing.</summary>
    /// <remarks>
    /// Field names are matched ignoring case and the first value of a field counts, as <c>QueryHelpers.ParseQuery</c>
    /// reads them; only the fields used here are decoded.
    /// </remarks>
    public static SlashCommand? Parse(string body)
    {
        var values = new string?[FormFields.Length];
        foreach (var pair in new QueryStringEnumerable(body))
        {
            var name = pair.DecodeName().Span;
            for (var i = 0; i < FormFields.Length; i++)
            {
                if (name.Equals(FormFields[i], StringComparison.OrdinalIgnoreCase))
                {
                    values[i] ??= pair.DecodeValue().ToString();
                    break;
                }
            }
        }

        var (command, user) = (values[0], values[2]);
        if (string.IsNullOrEmpty(command) || string.IsNullOrEmpty(user))
        {
            return null;
        }

        return new SlashCommand(command, values[1] ?? "", user, values[3], values[4], values[5], values[6]);
    }

    /// <summary>Whether a form-encoded body is Slack's <c>ssl_check=1</c> probe (answered 200, nothing else).</summary>
    public static bool IsSslCheck(string body)
    {
        foreach (var pair in new QueryStringEnumerable(body))
        {
            if (pair.DecodeName().Span.Equals("ssl_check", StringComparison.OrdinalIgnoreCase))
            {
                return pair.DecodeValue().Span.SequenceEqual("1");
            }
        }

        return false;
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
