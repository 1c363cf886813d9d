using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Paging;

/// <summary><c>oncall escalation [pipeline]</c>: the escalation matrix with names filled in.</summary>
public sealed class EscalationHandler(PipelineCatalog pipelines, EscalationService escalation, EffectiveSchedule schedule) : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["escalation", "escalate-to", "matrix"];

    public IReadOnlyList<HelpEntry> Help { get; } =
        [new("⟦oncall⟧ escalation [pipeline]", "The escalation matrix: who is pinged at each level and how long each level has.", "⟦oncall⟧ escalation aggregate growth")];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        Pipeline? pipeline = null;
        if (context.Args.Length > 0)
        {
            var match = pipelines.Match(context.Args);
            if (match is not PipelineMatch.Found found)
            {
                return ValueTask.FromResult(PipelineArgument.NotMatched(match, pipelines.All, "⟦oncall⟧ escalation"));
            }

            pipeline = found.Pipeline;
        }

        var snapshot = schedule.At(context.Now);
        var chain = escalation.Chain(pipeline, snapshot);
        var b = new ReplyBuilder().Heading(pipeline is null ? "Escalation matrix" : $"Escalation for {pipeline.Name}");
        b.Table(
            ["Level", "Who", "Role", "Acknowledge within"],
            chain.Select(s => (IReadOnlyList<string>)[$"{s.Level.Number}", b.Mention(s.Engineer), s.Role, TimeText.Duration(s.Level.Wait)]));
        if (snapshot is not null && SliceText.PagingNote(snapshot) is { } note)
        {
            b.Tone(ReplyTone.Warning).Context(note);
        }

        foreach (var hole in chain.Where(s => s.Engineer is null && s.Hole is not null && !s.AlreadyPaged))
        {
            var reason = hole.Hole!.Replace("nobody holds it ", "", StringComparison.Ordinal);
            b.Tone(ReplyTone.Warning).Text($"Hole: level {hole.Level.Number} ({hole.TargetName}) has nobody {reason}; a page skips it to the next level and says so.");
        }

        b.Context("If a level does not acknowledge in time, the next level is paged; a level with nobody is skipped with a note on the page; after the last level it repeats.");
        return ValueTask.FromResult(b.Build());
    }
}
