using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>
/// The runbook buttons: <see cref="IssueAction"/> (value <c>pipeline/issue-id</c>) shows an issue's steps and
/// <see cref="CardAction"/> (value <c>pipeline</c>) shows the runbook card. Read-only, so pressing twice is harmless.
/// </summary>
public sealed class RunbookActionHandler(RunbookService runbooks, RunbookReplies replies) : IActionHandler
{
    public const string IssueAction = "runbook.issue";
    public const string CardAction = "runbook.card";

    private const string Gone = "That runbook entry is not there any more (the runbooks may have been reloaded). Nothing was changed; ask ⟦oncall⟧ runbook <pipeline> again.";

    public IReadOnlyList<string> ActionIds { get; } = [IssueAction, CardAction];

    public ValueTask<ActionResult> HandleAsync(CommandContext context, BotAction action, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Handle(context, action));

    private ActionResult Handle(CommandContext context, BotAction action)
    {
        var value = action.Value.Trim();
        if (action.ActionId == CardAction)
        {
            return IsSlug(value) && runbooks.Get(value) is { } card
                ? new ActionResult(replies.Card(card, context.Now))
                : new ActionResult(null, Gone);
        }

        var parts = value.Split('/');
        if (parts.Length != 2 || !IsSlug(parts[0]) || !IsSlug(parts[1]))
        {
            return new ActionResult(null, "That button's value is not a runbook issue. Nothing was changed.");
        }

        return runbooks.Get(parts[0]) is { } runbook && runbook.Issue(parts[1]) is { } issue
            ? new ActionResult(replies.Issue(runbook, issue, context.Now))
            : new ActionResult(null, Gone);
    }

    private static bool IsSlug(string text) => text.Length is > 0 and <= 80 && RunbookParser.Slug().IsMatch(text);
}
