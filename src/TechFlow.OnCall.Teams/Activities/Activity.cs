using System.Text.Json;
using System.Text.Json.Serialization;

namespace TechFlow.OnCall.Teams.Activities;

/// <summary>A Bot Framework activity: the fields this bot reads or writes (unknown fields are ignored).</summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public ChannelAccount? From { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    public string? TextFormat { get; init; }
    public string? Action { get; init; }
    public IReadOnlyList<ActivityEntity>? Entities { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public IReadOnlyList<ActivityAttachment>? Attachments { get; init; }
    public JsonElement? ChannelData { get; init; }
    public JsonElement? Value { get; init; }

    /// <summary>The Teams tenant: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelDataString("tenant", "id");

    /// <summary>Reads a string at <paramref name="path"/> inside <see cref="ChannelData"/>.</summary>
    public string? ChannelDataString(params string[] path)
    {
        if (ChannelData is not { ValueKind: JsonValueKind.Object } node)
        {
            return null;
        }

        foreach (var name in path)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
            {
                return null;
            }
        }

        return node.ValueKind == JsonValueKind.String ? node.GetString() : null;
    }
}
