namespace TechFlow.OnCall.Core.Conversation;

/// <summary>
/// What the core needs to know about the front end a request came through. Each adapter owns one: Slack, Teams,
/// the playground and the CLI. The core never asks which platform it is; it reads these properties instead.
/// </summary>
public sealed record FrontEnd
{
    /// <summary>A short name for logs and metrics.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// How people start a command here, shown in front of every command in help and hints; empty for bare words.
    /// Typed in front of a command it is ignored, like the bot's own name.
    /// </summary>
    public required string CommandPrefix { get; init; }

    /// <summary>Other prefixes people type here out of habit; ignored in front of a command like <see cref="CommandPrefix"/>.</summary>
    public IReadOnlyList<string> AlsoAccepted { get; init; } = [];

    /// <summary>Which kind of account <see cref="BotInput.PlatformUserId"/> is, so an unmatched user can ask to be linked.</summary>
    public ChatAccountKind Accounts { get; init; }

    /// <summary>
    /// Only the asker sees an answer (a terminal, the local playground), so a secret such as a calendar address may be
    /// shown in the answer itself rather than sent as a direct message.
    /// </summary>
    public bool AnswersArePrivate { get; init; }
}

/// <summary>The kinds of chat account an engineer can be linked to.</summary>
public enum ChatAccountKind
{
    None = 0,
    Slack = 1,
    Teams = 2,
}
