using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Pipelines;

/// <summary><c>oncall owners [pipeline]</c>: the ownership matrix with stakeholders.</summary>
public sealed class OwnersHandler(PipelineCatalog pipelines, RosterService roster) : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["owners", "owner", "ownership"];

    public IReadOnlyList<HelpEntry> Help { get; } =
        [new("⟦oncall⟧ owners [pipeline]", "Who owns each pipeline (primary and secondary) and who depends on it.", "⟦oncall⟧ owners daily growth")];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<Pipeline> selected = pipelines.All;
        if (context.Args.Length > 0)
        {
            var match = pipelines.Match(context.Args);
            if (match is not PipelineMatch.Found found)
            {
                return ValueTask.FromResult(PipelineArgument.NotMatched(match, pipelines.All, "⟦oncall⟧ owners"));
            }

            selected = [found.Pipeline];
        }

        var b = new ReplyBuilder().Heading(selected.Count == 1 ? $"Owners of {selected[0].Name}" : "Pipeline ownership");
        if (selected.Count == 0)
        {
            return ValueTask.FromResult(OnCallLookupHandler.NoTeam());
        }

        b.Table(
            ["Pipeline", "Primary owner", "Secondary owner", "Audience", "Stakeholders"],
            selected.Select(p => (IReadOnlyList<string>)
            [
                p.Name,
                b.Mention(roster.Find(p.PrimaryOwnerId)),
                b.Mention(roster.Find(p.SecondaryOwnerId)),
                p.Audience.ToString(),
                string.Join(", ", p.StakeholderIds.Select(roster.Stakeholder).OfType<Stakeholder>().Select(s => s.Name)),
            ]));
        if (selected.Count == 1)
        {
            var p = selected[0];
            b.Text($"{p.Name} is {p.Criticality.ToString().ToLowerInvariant()} criticality, for {p.Audience.ToString().ToLowerInvariant()}. {p.Description}".Trim());
        }

        return ValueTask.FromResult(b.Build());
    }
}
