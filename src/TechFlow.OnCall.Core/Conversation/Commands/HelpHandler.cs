namespace TechFlow.OnCall.Core.Conversation.Commands;

/// <summary><c>oncall help</c>: every command with an example, gathered from all handlers.</summary>
/// <remarks>Handlers are fetched lazily, because this handler is one of them.</remarks>
public sealed class HelpHandler(Func<IEnumerable<ICommandHandler>> handlers, OnCallLookupHandler lookup) : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["help", "?", "commands"];

    public IReadOnlyList<HelpEntry> Help { get; } =
        [new("⟦oncall⟧ help", "This list.", "⟦oncall⟧ help")];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var entries = lookup.Help
            .Concat(handlers().Where(h => h is not HelpHandler && h is not OnCallLookupHandler).SelectMany(h => h.Help))
            .Concat(Help)
            .DistinctBy(e => e.Usage)
            .ToList();
        var reply = new Reply
        {
            Heading = "What I can do",
            Table = new ReplyTable(["Command", "What it does", "Example"], [.. entries.Select(e => (IReadOnlyList<string>)[e.Usage, e.Description, e.Example])]),
            Context =
            [
                "Plain questions work too: \"who is on call for aggregate profit?\", \"who's on call tomorrow\", \"who owns daily growth\".",
                "Add \"public\" at the end to post the answer in the channel.",
            ],
        };
        return ValueTask.FromResult(reply);
    }
}
