using Humanizer;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;

namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>
/// <c>oncall runbook &lt;pipeline&gt; [symptom words]</c>, <c>oncall runbooks</c> and (admins)
/// <c>oncall runbook reload</c>.
/// </summary>
public sealed class RunbookHandler(RunbookService runbooks, PipelineCatalog pipelines, RunbookReplies replies) : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["runbook", "runbooks"];

    public IReadOnlyList<HelpEntry> Help { get; } =
    [
        new("⟦oncall⟧ runbook <pipeline> [symptom]", "A pipeline's runbook: SLA, owners, who is on call and its common issues; add what you see to jump to the matching steps.", "⟦oncall⟧ runbook exec dashboard spark oom"),
        new("⟦oncall⟧ runbooks", "Every runbook with the date it was last reviewed.", "⟦oncall⟧ runbooks"),
        new("⟦oncall⟧ runbook reload", "Admins: reload the runbook files (all or nothing).", "⟦oncall⟧ runbook reload"),
    ];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Handle(context));

    private Reply Handle(CommandContext context)
    {
        var args = context.Args.Trim();
        if (args.Equals("reload", StringComparison.OrdinalIgnoreCase))
        {
            return Reload(context);
        }

        if (args.Length == 0 || args.Equals("list", StringComparison.OrdinalIgnoreCase) || args.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return replies.List(runbooks.All(), pipelines.All, runbooks.LastProblems, context.Now);
        }

        // Normalized first: the catalog counts the rest in words, and "unit-level" is one word typed but two normalized.
        var match = pipelines.Match(PipelineCatalog.Normalize(args));
        if (match is not PipelineMatch.Found found)
        {
            return PipelineArgument.NotMatched(match, pipelines.All, "⟦oncall⟧ runbook");
        }

        if (runbooks.Get(found.Pipeline.Id) is not { } runbook)
        {
            return new Reply
            {
                Tone = ReplyTone.Warning,
                Text = [$"{found.Pipeline.Name} has no runbook yet."],
                Context = [$"Add runbooks/{found.Pipeline.Id}.md (format in docs/runbooks.md), then ⟦oncall⟧ runbook reload.", "Meanwhile: ⟦oncall⟧ escalation " + found.Pipeline.Id],
            };
        }

        var symptom = found.Rest.Trim();
        if (symptom.Length == 0)
        {
            return replies.Card(runbook, context.Now);
        }

        symptom = AsTyped(args, symptom);

        var ranked = IssueMatcher.Rank(runbook, symptom);
        if (ranked.Count == 0 || ranked[0].Score < IssueMatcher.Threshold)
        {
            return RunbookReplies.NoMatch(runbook, symptom);
        }

        var runnerUp = ranked.Count > 1 && ranked[1].Score >= Math.Max(IssueMatcher.Threshold, ranked[0].Score * 0.7) ? ranked[1] : null;
        return replies.Issue(runbook, ranked[0].Issue, context.Now, symptom, runnerUp);
    }

    /// <summary>The end of <paramref name="args"/> that normalizes to <paramref name="rest"/>, so replies quote the user's own words.</summary>
    private static string AsTyped(string args, string rest)
    {
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var tail = string.Join(' ', words.Skip(i));
            if (PipelineCatalog.Normalize(tail) == rest)
            {
                return tail;
            }
        }

        return rest;
    }

    private Reply Reload(CommandContext context)
    {
        if (context.Engineer is not { IsAdmin: true })
        {
            return Reply.Error("Only an admin can reload the runbooks. Nothing was changed.", "Ask an admin (for example the engineering manager), or open a pull request to runbooks/.");
        }

        var result = runbooks.Reload();
        if (!result.Succeeded)
        {
            var context2 = result.Problems.Take(10).Select(p => p.ToString()).ToList();
            if (result.Problems.Count > 10)
            {
                context2.Add($"…and {result.Problems.Count - 10} more.");
            }

            return Reply.Error(
                $"The runbooks were not reloaded: {"problem".ToQuantity(result.Problems.Count)} found. The stored runbooks are unchanged.",
                [.. context2]);
        }

        return new Reply
        {
            Tone = ReplyTone.Success,
            Text = [$"Reloaded {result.Runbooks.Count} runbooks with {result.Runbooks.Sum(r => r.Issues.Count)} issues."],
            Context = [$"From {runbooks.Folder}"],
        };
    }
}
