using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using TechFlow.OnCall.Slack.Api;

namespace TechFlow.OnCall.Slack.Commands;

/// <summary>The answer to a slash command: ephemeral unless <see cref="InChannel"/>.</summary>
public sealed record SlashCommandResponse(SlackMessage Message, bool InChannel)
{
    private byte[]? _utf8Json;

    /// <summary>The JSON Slack expects inline or on response_url.</summary>
    public JsonObject ToJson() =>
        Message.WriteTo(new JsonObject { ["response_type"] = ResponseType });

    /// <summary>
    /// The same JSON as <see cref="ToJson"/>, as UTF-8, written once straight from the message (no copy of its blocks)
    /// and kept: a memoised answer is served from these bytes.
    /// </summary>
    public byte[] ToUtf8Json()
    {
        if (_utf8Json is { } done)
        {
            return done;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("response_type", ResponseType);
            Message.WriteProperties(writer);
            writer.WriteEndObject();
        }

        return _utf8Json = buffer.WrittenSpan.ToArray();
    }

    /// <summary>Equal when the message and the response type are (the kept bytes are only a cache).</summary>
    public bool Equals(SlashCommandResponse? other) =>
        other is not null && (ReferenceEquals(this, other) || (InChannel == other.InChannel && Message.Equals(other.Message)));

    public override int GetHashCode() => HashCode.Combine(Message, InChannel);

    private string ResponseType => InChannel ? "in_channel" : "ephemeral";
}
