using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Slack;

/// <summary>Slack as the core sees it: commands start with the slash command, user ids are Slack's.</summary>
public static class SlackFrontEnd
{
    /// <summary>The slash command in the app manifests (manifests/slack).</summary>
    public const string SlashCommand = "/oncall";

    public static FrontEnd Descriptor { get; } = new()
    {
        Name = "slack",
        CommandPrefix = SlashCommand,
        // The bot's display name, typed as plain text rather than picked as a mention.
        AlsoAccepted = ["@oncall"],
        Accounts = ChatAccountKind.Slack,
    };
}
