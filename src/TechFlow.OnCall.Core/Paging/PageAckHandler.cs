using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Core.Paging;

/// <summary><c>oncall ack &lt;page&gt;</c> and <c>oncall resolve &lt;page&gt;</c>, for engineers on the roster.</summary>
public sealed class PageAckHandler(PageService pages, PageActions actions) : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["ack", "acknowledge", "resolve"];

    public IReadOnlyList<HelpEntry> Help { get; } =
    [
        new("⟦oncall⟧ ack <page>", "Acknowledges a page: you are on it, escalation stops.", "⟦oncall⟧ ack k7m2qx"),
        new("⟦oncall⟧ resolve <page>", "Resolves a page and records how long it took.", "⟦oncall⟧ resolve k7m2qx"),
    ];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var words = context.Words;
        var resolve = context.Verb == "resolve";
        if (words.Count != 1)
        {
            var open = pages.OpenPages();
            var hint = open.Count == 0 ? "There are no open pages." : $"Open pages: {string.Join(", ", open.Select(p => p.Id))}.";
            return ValueTask.FromResult(Reply.Error($"Which page? For example: ⟦oncall⟧ {(resolve ? "resolve" : "ack")} k7m2qx", hint));
        }

        var result = actions.Apply(resolve ? PageCards.ResolveAction : PageCards.AcknowledgeAction, words[0], context.Engineer, context.Now);
        if (result.Replacement is null)
        {
            return ValueTask.FromResult(Reply.Error(result.Notice ?? "Nothing was changed."));
        }

        return ValueTask.FromResult(result.Replacement with { Text = [result.Notice ?? "", .. result.Replacement.Text] });
    }
}
