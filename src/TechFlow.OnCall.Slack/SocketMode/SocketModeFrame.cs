using System.Text.Json;

namespace TechFlow.OnCall.Slack.SocketMode;

/// <summary>
/// One text frame from a Socket Mode WebSocket: <c>hello</c>, <c>disconnect</c> (with its reason), or an envelope
/// (<c>events_api</c>, <c>interactive</c>, <c>slash_commands</c>) that must be acknowledged with its envelope id.
/// </summary>
public sealed record SocketModeFrame(
    string Type,
    string? EnvelopeId,
    JsonElement Payload,
    bool AcceptsResponsePayload,
    string? Reason,
    int? RetryAttempt)
{
    /// <summary>True for a frame Slack expects an acknowledgement of.</summary>
    public bool IsEnvelope => EnvelopeId is { Length: > 0 };

    /// <summary>Parses a frame; null when it is not a JSON object with a type.</summary>
    public static SocketModeFrame? Parse(string text)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object || Str(root, "type") is not { Length: > 0 } type)
        {
            return null;
        }

        return new SocketModeFrame(
            type,
            Str(root, "envelope_id"),
            root.TryGetProperty("payload", out var payload) ? payload : default,
            root.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True,
            Str(root, "reason"),
            root.TryGetProperty("retry_attempt", out var retry) && retry.ValueKind == JsonValueKind.Number ? retry.GetInt32() : null);
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
