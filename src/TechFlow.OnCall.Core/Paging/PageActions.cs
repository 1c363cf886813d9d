using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>
/// The Acknowledge, Escalate and Resolve buttons on a page. The button value is only a page id: the page is
/// reloaded, the presser must be an engineer on the roster, and a second press changes nothing.
/// </summary>
public sealed class PageActions(PageService pages, PipelineCatalog pipelines, PageCards cards) : IActionHandler
{
    public IReadOnlyList<string> ActionIds { get; } = [PageCards.AcknowledgeAction, PageCards.EscalateAction, PageCards.ResolveAction];

    public ValueTask<ActionResult> HandleAsync(CommandContext context, BotAction action, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Apply(action.ActionId, action.Value, context.Engineer, context.Now));

    /// <summary>Applies one page action for <paramref name="engineer"/>; shared by the buttons and the commands.</summary>
    public ActionResult Apply(string actionId, string pageId, Engineer? engineer, DateTimeOffset now)
    {
        if (engineer is null)
        {
            return new ActionResult(null, $"{PageCards.NotOnRoster} {PageCards.NothingChanged}");
        }

        if (string.IsNullOrWhiteSpace(pageId) || pageId.Length > 32)
        {
            return new ActionResult(null, $"{PageCards.NotAPage} {PageCards.NothingChanged}");
        }

        var change = actionId switch
        {
            PageCards.AcknowledgeAction => pages.Acknowledge(pageId, engineer, now),
            PageCards.ResolveAction => pages.Resolve(pageId, engineer, now),
            PageCards.EscalateAction => pages.Escalate(pageId, engineer, now),
            _ => null,
        };
        if (change?.Page is not { } page)
        {
            return new ActionResult(null, $"{(change is null ? PageCards.UnknownButton : PageCards.Note(change))} {PageCards.NothingChanged}");
        }

        var note = change.Changed ? PageCards.Note(change) : $"{PageCards.Note(change)} {PageCards.NothingChanged}";
        return new ActionResult(cards.Card(page, pipelines.Get(page.PipelineId), now), note);
    }
}
