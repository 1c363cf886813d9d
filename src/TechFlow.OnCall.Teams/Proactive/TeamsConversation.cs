namespace TechFlow.OnCall.Teams.Proactive;

/// <summary>
/// A stored conversation reference: where the bot can post on its own (a team channel, a group chat, or a
/// user's personal chat). Keyed by the Teams conversation id.
/// </summary>
public sealed record TeamsConversation
{
    public required string Id { get; init; }
    public required string ServiceUrl { get; init; }
    /// <summary><c>channel</c>, <c>groupChat</c> or <c>personal</c>.</summary>
    public required string ConversationType { get; init; }
    public string? TenantId { get; init; }
    /// <summary>The bot's id in this conversation (<c>28:…</c>).</summary>
    public string? BotId { get; init; }
    /// <summary>The user of a personal chat (<c>29:…</c>).</summary>
    public string? UserId { get; init; }
    public string? TeamId { get; init; }
    public string? Name { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public const string Channel = "channel";
    public const string Personal = "personal";
}
