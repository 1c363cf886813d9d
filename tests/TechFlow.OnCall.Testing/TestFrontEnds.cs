using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Testing;

/// <summary>
/// Front ends for tests that talk to the core directly. <see cref="Chat"/> writes commands as Slack does, so replies
/// read as they always have; the others say which kind of account the asker has.
/// </summary>
public static class TestFrontEnds
{
    public static FrontEnd Chat { get; } = new() { Name = "test", CommandPrefix = "/oncall", AlsoAccepted = ["@oncall"] };

    public static FrontEnd SlackAccounts { get; } = Chat with { Name = "test-slack", Accounts = ChatAccountKind.Slack };

    public static FrontEnd TeamsAccounts { get; } = Chat with { Name = "test-teams", Accounts = ChatAccountKind.Teams };

    /// <summary>Like the CLI and the playground: bare words, answers only the asker sees.</summary>
    public static FrontEnd Local { get; } = new() { Name = "test-local", CommandPrefix = "", AlsoAccepted = ["/oncall", "@oncall"], AnswersArePrivate = true };
}
