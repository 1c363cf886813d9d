namespace TechFlow.OnCall.Teams.Activities;

/// <summary>An activity entity; this bot reads <c>mention</c> entities.</summary>
public sealed record ActivityEntity
{
    public string? Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    /// <summary>The mention's text as it appears in the message, for example <c>&lt;at&gt;On-call Bot&lt;/at&gt;</c>.</summary>
    public string? Text { get; init; }
}
