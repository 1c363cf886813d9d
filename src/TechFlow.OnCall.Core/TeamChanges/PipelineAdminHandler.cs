using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.Swaps;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>
/// <c>oncall pipeline add &lt;id&gt; &lt;name&gt; owners &lt;primary&gt; &lt;secondary&gt; …</c>,
/// <c>oncall pipeline edit &lt;pipeline&gt; &lt;field&gt; &lt;value&gt;</c> and <c>oncall pipeline retire &lt;pipeline&gt;</c>, for admins. They move no shift, so they apply at once; each is audited
/// and posted to the channel, and the escalation chain follows the new owners.
/// </summary>
public sealed class PipelineAdminHandler(
    IOnCallStore store, PipelineCatalog catalog, RosterService roster, RosterChanges changes, TeamAdmins admins, TeamClock clock, OnCallLookupHandler lookup) : ICommandHandler
{
    private const string Usage = "⟦oncall⟧ pipeline add <id> <name> owners <primary> <secondary> [field value …], ⟦oncall⟧ pipeline edit <pipeline> <field> <value>, or ⟦oncall⟧ pipeline retire <pipeline>";

    private readonly PipelineFields fields = new(roster, catalog, clock);

    public IReadOnlyList<string> Verbs { get; } = ["pipeline"];

    public IReadOnlyList<HelpEntry> Help { get; } =
    [
        new(PipelineAdd.Usage, "Admins: add a pipeline; it is answered for and paged at once.", "⟦oncall⟧ pipeline add churn-daily Daily Churn owners lisa sarah criticality high readyby 07:00"),
        new("⟦oncall⟧ pipeline edit <pipeline> name|owners|criticality|audience|readyby|freshness|resolution|stakeholders|aliases <value>", "Admins: change a pipeline; the escalation chain follows its owners.", "⟦oncall⟧ pipeline edit daily growth owners lisa sarah"),
        new("⟦oncall⟧ pipeline retire <pipeline>", "Admins: the pipeline is no longer answered for or paged.", "⟦oncall⟧ pipeline retire experiment aggregate"),
    ];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var words = context.Words;
        if (words.Count == 0 || words[0].ToLowerInvariant() is not ("add" or "edit" or "retire"))
        {
            // "oncall pipeline aggregate profit" is still a question about that pipeline.
            return lookup.HandleAsync(context with { Verb = "", Args = $"pipeline {context.Args}".Trim() }, cancellationToken);
        }

        return ValueTask.FromResult(words.Count < 2 ? Reply.Error($"Try {Usage}.") : Handle(context, words));
    }

    private Reply Handle(CommandContext context, IReadOnlyList<string> words)
    {
        if (!admins.IsAdmin(context.Engineer))
        {
            return Reply.Error(TeamAdmins.Refusal);
        }

        if (words[0].Equals("add", StringComparison.OrdinalIgnoreCase))
        {
            var (added, why, summary) = PipelineAdd.Parse(store, fields, [.. words.Skip(1)]);
            return added is null ? Reply.Error(why!, "Nothing was changed.") : Save(context.Engineer!, added, added, summary!, "added");
        }

        var match = catalog.Match(string.Join(' ', words.Skip(1)));
        if (match is not PipelineMatch.Found found)
        {
            return PipelineArgument.NotMatched(match, catalog.All, "⟦oncall⟧ pipeline " + words[0].ToLowerInvariant());
        }

        var pipeline = found.Pipeline;
        if (words[0].Equals("retire", StringComparison.OrdinalIgnoreCase))
        {
            return Save(context.Engineer!, pipeline, null, $"retired pipeline {pipeline.Name}", "retired");
        }

        var rest = found.Rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length < 2)
        {
            return Reply.Error($"Say what to change, for example: ⟦oncall⟧ pipeline edit {pipeline.Name.ToLowerInvariant()} criticality high");
        }

        var (field, value) = (rest[0].ToLowerInvariant(), rest[1].Trim());
        var (updated, error) = fields.Set(pipeline, field, value);
        return error is not null
            ? Reply.Error(error, "Nothing was changed.")
            : Save(context.Engineer!, pipeline, updated, $"{pipeline.Name}: {field} set to {value}", "edited");
    }

    private Reply Save(Engineer actor, Pipeline before, Pipeline? after, string summary, string action)
    {
        store.Write(tx =>
        {
            if (after is null)
            {
                tx.Set<Pipeline>().Delete(before.Id);
            }
            else
            {
                tx.Set<Pipeline>().Upsert(after);
            }

            var post = new ReplyBuilder().Heading("Team change: pipelines");
            post.Text($"{post.Mention(actor)} {summary}.");
            changes.Record(tx, $"team:pipeline:{before.Id}:{clock.Now.ToUnixTimeMilliseconds()}:{SwapIds.New()}", action, actor.Id, null, summary, post.Build());
        });
        return new ReplyBuilder().Tone(ReplyTone.Success).Text($"Done: {summary}.").Build();
    }
}
