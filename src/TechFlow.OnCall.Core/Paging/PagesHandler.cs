using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;

namespace TechFlow.OnCall.Core.Paging;

/// <summary><c>oncall pages</c>: the pages not yet resolved.</summary>
public sealed class PagesHandler(PageService pages, PipelineCatalog pipelines, PageCards cards) : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["pages"];

    public IReadOnlyList<HelpEntry> Help { get; } =
        [new("⟦oncall⟧ pages", "Open pages: who is paged, and whether anyone acknowledged.", "⟦oncall⟧ pages")];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var open = pages.OpenPages();
        if (open.Count == 0)
        {
            return ValueTask.FromResult(new Reply { Tone = ReplyTone.Success, Text = ["No open pages."] });
        }

        var b = new ReplyBuilder().Heading(open.Count == 1 ? "1 open page" : $"{open.Count} open pages");
        b.Table(
            ["Page", "Pipeline", "Message", "Status", "Opened"],
            open.Select(p => (IReadOnlyList<string>)[
                p.Id,
                PageCards.NameOf(p, pipelines.Get(p.PipelineId)),
                p.Message,
                cards.Status(b, p, context.Now),
                context.Now - p.OpenedAt < TimeSpan.FromMinutes(1) ? "just now" : TimeText.Relative(p.OpenedAt, context.Now)]));
        b.Context("Acknowledge with ⟦oncall⟧ ack <page>, resolve with ⟦oncall⟧ resolve <page>.");
        return ValueTask.FromResult(b.Build());
    }
}
