using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Pipelines;

namespace TechFlow.OnCall.Core.Paging;

/// <summary><c>oncall page &lt;pipeline&gt; &lt;message&gt;</c>: pages the pipeline's on call.</summary>
public sealed class PageHandler(PipelineCatalog pipelines, PageService pages, PageCards cards) : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["page"];

    public IReadOnlyList<HelpEntry> Help { get; } =
        [new("⟦oncall⟧ page <pipeline> <message>", "Pages the pipeline's on call; it escalates until someone acknowledges.", "⟦oncall⟧ page aggregate profit job failed at 02:10")];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Args.Length == 0)
        {
            return ValueTask.FromResult(Reply.Error("Which pipeline, and what is wrong?", "For example: ⟦oncall⟧ page aggregate profit job failed at 02:10"));
        }

        var (match, message) = PageArguments.Split(pipelines, context.Args);
        if (match is not PipelineMatch.Found found)
        {
            return ValueTask.FromResult(PipelineArgument.NotMatched(match, pipelines.All, "⟦oncall⟧ page"));
        }

        if (message.Length == 0)
        {
            return ValueTask.FromResult(Reply.Error(
                $"What is wrong with {found.Pipeline.Name}? Add a short message.",
                $"For example: ⟦oncall⟧ page {found.Pipeline.Id} dashboard data is stale"));
        }

        if (message.Length > PagingTargets.MaxMessageLength)
        {
            return ValueTask.FromResult(Reply.Error($"That message is too long; keep it under {PagingTargets.MaxMessageLength} characters. Nothing was paged."));
        }

        var by = context.Engineer?.Id ?? context.Input.DisplayName ?? context.Input.PlatformUserId ?? "someone";
        var opened = pages.Open(found.Pipeline, message, "chat", by, context.Now);
        var card = cards.Card(opened.Page, found.Pipeline, context.Now);
        var note = opened.Joined
            ? $"Page {opened.Page.Id} for {found.Pipeline.Name} is already open with that message, so nobody was paged again. It has now been reported {opened.Page.JoinCount + 1} times."
            : $"Paged {found.Pipeline.Name}: page {opened.Page.Id}. The channel has the details.";
        return ValueTask.FromResult(card with { Text = [note, .. card.Text] });
    }
}
