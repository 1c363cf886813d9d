using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Teams;

/// <summary>Teams as the core sees it: commands start with a mention of the bot, user ids are Teams'.</summary>
public static class TeamsFrontEnd
{
    /// <summary>The bot's short name in the app manifest (manifests/teams), which is what a mention of it shows.</summary>
    public const string BotName = "On-call";

    /// <summary>How a command starts in Teams: a mention of the bot (needed in channels, harmless in a personal chat).</summary>
    public const string CommandPrefix = "@" + BotName;

    public static FrontEnd Descriptor { get; } = new()
    {
        Name = "teams",
        CommandPrefix = TeamsFrontEnd.CommandPrefix,
        // The slash command's habit, and the bot's name run together as people type it.
        AlsoAccepted = ["/oncall", "@oncall"],
        Accounts = ChatAccountKind.Teams,
    };
}
