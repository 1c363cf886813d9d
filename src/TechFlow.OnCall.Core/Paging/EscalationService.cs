using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>Fills the escalation matrix with names for a pipeline at an instant.</summary>
public sealed class EscalationService(IOnCallStore store, RosterService roster, OnCallResolver resolver)
{
    public EscalationPolicy Policy() => store.Set<EscalationPolicy>().Get(EscalationPolicy.DefaultId) ?? EscalationPolicy.Default;

    public IReadOnlyList<EscalationStep> Chain(Pipeline? pipeline, DateTimeOffset at) => Chain(pipeline, resolver.At(at));

    public IReadOnlyList<EscalationStep> Chain(Pipeline? pipeline, OnCallSnapshot? snapshot)
    {
        var steps = new List<EscalationStep>();
        foreach (var level in Policy().Levels)
        {
            steps.Add(level.Target switch
            {
                EscalationTarget.PrimaryOnCall => new EscalationStep(level, snapshot?.Primary.Engineer, "primary on call"),
                EscalationTarget.SecondaryOnCall => new EscalationStep(level, snapshot?.Secondary.Engineer, "secondary on call"),
                EscalationTarget.OwnerOrSenior => OwnerOrSenior(level, pipeline, snapshot),
                _ => new EscalationStep(level, roster.Manager(), "engineering manager"),
            });
        }

        return steps;
    }

    private EscalationStep OwnerOrSenior(EscalationLevel level, Pipeline? pipeline, OnCallSnapshot? snapshot)
    {
        var paged = new HashSet<string?> { snapshot?.Primary.Engineer.Id, snapshot?.Secondary.Engineer.Id };
        if (pipeline is not null)
        {
            foreach (var (id, label) in new[] { (pipeline.PrimaryOwnerId, "pipeline owner"), (pipeline.SecondaryOwnerId, "secondary owner") })
            {
                if (!paged.Contains(id) && roster.Find(id) is { } owner)
                {
                    return new EscalationStep(level, owner, label);
                }
            }
        }

        var senior = roster.Rotation()
            .Where(e => !paged.Contains(e.Id))
            .OrderByDescending(e => e.Seniority)
            .FirstOrDefault();
        return new EscalationStep(level, senior, "senior engineer");
    }
}
