namespace TechFlow.OnCall.Slack.Commands;

/// <summary>Answers one slash command (after SlackNet's <c>ISlashCommandHandler</c>).</summary>
public interface ISlashCommandHandler
{
    /// <summary>The command it answers, such as <c>/oncall</c>; <c>*</c> answers any command no other handler claims.</summary>
    string Command { get; }

    /// <summary>The answer; null when there is nothing to say (for example a modal was opened instead).</summary>
    Task<SlashCommandResponse?> HandleAsync(SlashCommand command, CancellationToken cancellationToken);

    /// <summary>
    /// The answer's JSON when it is ready at once, without any work that could wait (a memoised answer); null
    /// otherwise, and then <see cref="HandleAsync"/> answers.
    /// </summary>
    byte[]? TryAnswerNow(SlashCommand command) => null;
}
