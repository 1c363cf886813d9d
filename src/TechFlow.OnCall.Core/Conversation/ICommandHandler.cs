namespace TechFlow.OnCall.Core.Conversation;

/// <summary>Handles the commands that start with one of its <see cref="Verbs"/> (for example <c>owners</c>).</summary>
public interface ICommandHandler
{
    /// <summary>First words this handler answers, lower case.</summary>
    IReadOnlyList<string> Verbs { get; }

    /// <summary>What <c>oncall help</c> lists for this handler.</summary>
    IReadOnlyList<HelpEntry> Help { get; }

    ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}

/// <summary>A line of help: usage, what it does, and an example.</summary>
public sealed record HelpEntry(string Usage, string Description, string Example);
