namespace TechFlow.OnCall.Teams.Activities;

/// <summary>A user or bot in a conversation (<c>29:…</c> users, <c>28:…</c> bots in Teams).</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
}
