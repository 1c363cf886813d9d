using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCallBot;

/// <summary>
/// The front ends on this machine: the playground page and the CLI's <c>ask</c>. Commands are bare words, the chat
/// platforms' prefixes are accepted out of habit, there are no chat accounts, and only the asker sees an answer.
/// </summary>
public static class LocalFrontEnds
{
    public static FrontEnd Playground { get; } = Local("playground");

    public static FrontEnd Cli { get; } = Local("cli");

    private static FrontEnd Local(string name) => new()
    {
        Name = name,
        CommandPrefix = "",
        AlsoAccepted = ["/oncall", "@oncall"],
        AnswersArePrivate = true,
    };
}
