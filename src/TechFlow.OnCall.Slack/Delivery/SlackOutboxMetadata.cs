using System.Text.Json;
using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Slack.Api;

namespace TechFlow.OnCall.Slack.Delivery;

/// <summary>
/// The message metadata that names an outbox message in Slack (<c>event_type</c> <see cref="EventType"/>,
/// <c>event_payload.key</c> = the outbox key), and the history lookup that finds it again.
/// </summary>
public static class SlackOutboxMetadata
{
    /// <summary>The metadata event type of every outbox post.</summary>
    public const string EventType = "oncall_outbox";

    /// <summary>How far before the recorded start of an attempt the lookup begins (the two clocks may differ).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>At most this many history pages (200 messages each) are read.</summary>
    public const int MaxPages = 5;

    public static JsonObject For(string outboxKey) => new()
    {
        ["event_type"] = EventType,
        ["event_payload"] = new JsonObject { ["key"] = outboxKey },
    };

    /// <summary>
    /// Whether <paramref name="channel"/> holds a message carrying <paramref name="outboxKey"/> posted since
    /// <paramref name="since"/>: <see cref="Reconciliation.Landed"/> with its <c>channel:ts</c>,
    /// <see cref="Reconciliation.NotLanded"/>, or <see cref="Reconciliation.Unknown"/> past <see cref="MaxPages"/> pages.
    /// </summary>
    public static async Task<Reconciliation> FindAsync(IConversationsApi conversations, string channel, string outboxKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var history = await conversations.HistoryAsync(channel, since - ClockSkew, cursor, cancellationToken);
            var found = history.Messages.FirstOrDefault(m => m.EventType == EventType && KeyOf(m.EventPayload) == outboxKey);
            if (found is not null)
            {
                return new Reconciliation.Landed(SlackChatDelivery.FormatRef(new PostedMessage(channel, found.Ts)));
            }

            cursor = history.NextCursor;
            if (cursor is null)
            {
                return new Reconciliation.NotLanded();
            }
        }

        return new Reconciliation.Unknown($"more than {MaxPages * 200} messages in {channel} since the first attempt; sent again");
    }

    private static string? KeyOf(JsonElement? payload) =>
        payload is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String
            ? key.GetString() : null;
}
