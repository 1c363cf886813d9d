namespace TechFlow.OnCall.Core.Conversation;

/// <summary>Something a person said or clicked, as any front end hands it to the core.</summary>
public sealed record BotInput
{
    /// <summary>The front end that carried it: how it writes commands, what its user ids are, who sees its answers.</summary>
    public required FrontEnd FrontEnd { get; init; }
    /// <summary>The roster engineer the front end identified, if any.</summary>
    public string? EngineerId { get; init; }
    /// <summary>The platform's own user id (of the kind <see cref="FrontEnd.Accounts"/> says), for people not on the roster.</summary>
    public string? PlatformUserId { get; init; }
    public string? DisplayName { get; init; }
    public string? ChannelId { get; init; }
    /// <summary>The text after the command or mention, with mentions of people already translated into engineer references (<c>@lisa-wang</c>); empty for a button press.</summary>
    public string Text { get; init; } = "";
    /// <summary>Set for a button press.</summary>
    public BotAction? Action { get; init; }
    /// <summary>Answer as if it were this instant (the CLI's <c>--at</c>); the clock otherwise.</summary>
    public DateTimeOffset? At { get; init; }
}

/// <summary>A button press: the action id and the opaque value the button carried.</summary>
public sealed record BotAction(string ActionId, string Value);
