using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.ReadModel;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>Fills the escalation matrix with names for a pipeline at an instant, from the effective schedule.</summary>
/// <remarks>
/// Nobody away (approved time off, or gone from the team) is ever named. When the primary slot is uncovered the
/// secondary takes level 1 and level 2 is skipped, so the chain continues as usual from level 3; an uncovered
/// secondary leaves level 2 empty (skipped). Levels without a person have a null <see cref="EscalationStep.Engineer"/>
/// and say why in <see cref="EscalationStep.Hole"/>; nobody who has left the team is ever named.
/// </remarks>
public sealed class EscalationService(IOnCallStore store, RosterService roster, EffectiveSchedule schedule, TeamClock clock, OnCallReadModel? readModel = null)
{
    public EscalationPolicy Policy() =>
        (readModel?.TryCurrent() is { } model ? model.Policy : store.Set<EscalationPolicy>().Get(EscalationPolicy.DefaultId)) ?? EscalationPolicy.Default;

    public IReadOnlyList<EscalationStep> Chain(Pipeline? pipeline, DateTimeOffset at) => Chain(pipeline, schedule.At(at));

    public IReadOnlyList<EscalationStep> Chain(Pipeline? pipeline, OnCallSnapshot? snapshot)
    {
        var at = snapshot?.At ?? clock.Now;
        var primary = snapshot?.Primary.Holder;
        var secondary = snapshot?.Secondary.Holder;
        var standIn = snapshot is not null && primary is null && secondary is not null;
        var steps = new List<EscalationStep>();
        foreach (var level in Policy().Levels)
        {
            steps.Add(level.Target switch
            {
                EscalationTarget.PrimaryOnCall when standIn =>
                    new EscalationStep(level, secondary, $"secondary on call, first because the primary slot is {SliceText.Uncovered}: {SliceText.Why(snapshot!.Primary)}"),
                EscalationTarget.PrimaryOnCall =>
                    new EscalationStep(level, primary, primary is null && snapshot is not null ? $"primary on call: {SliceText.Uncovered}, {SliceText.Why(snapshot.Primary)}" : "primary on call", HoleOf(primary, snapshot?.Primary)),
                EscalationTarget.SecondaryOnCall when standIn =>
                    new EscalationStep(level, null, "secondary on call: already paged at level 1", EscalationStep.AlreadyPagedHole),
                EscalationTarget.SecondaryOnCall =>
                    new EscalationStep(level, secondary, secondary is null && snapshot is not null ? $"secondary on call: {SliceText.Uncovered}, {SliceText.Why(snapshot.Secondary)}" : "secondary on call", HoleOf(secondary, snapshot?.Secondary)),
                EscalationTarget.OwnerOrSenior => OwnerOrSenior(level, pipeline, snapshot),
                _ => Manager(level, at),
            });
        }

        return steps;
    }

    private EscalationStep OwnerOrSenior(EscalationLevel level, Pipeline? pipeline, OnCallSnapshot? snapshot)
    {
        var skip = new HashSet<string?> { snapshot?.Primary.HolderId, snapshot?.Secondary.HolderId };
        skip.UnionWith(snapshot?.Away ?? new HashSet<string>());
        if (pipeline is not null)
        {
            foreach (var (id, label) in new[] { (pipeline.PrimaryOwnerId, "pipeline owner"), (pipeline.SecondaryOwnerId, "secondary owner") })
            {
                if (!skip.Contains(id) && roster.Find(id) is { } owner && Active(owner, snapshot?.At ?? clock.Now))
                {
                    return new EscalationStep(level, owner, label);
                }
            }
        }

        var senior = roster.Rotation()
            .Where(e => !skip.Contains(e.Id) && Active(e, snapshot?.At ?? clock.Now))
            .OrderByDescending(e => e.Seniority)
            .FirstOrDefault();
        return new EscalationStep(level, senior, "senior engineer", senior is null ? "nobody holds it (no pipeline owner or senior engineer is available)" : null);
    }

    private EscalationStep Manager(EscalationLevel level, DateTimeOffset at)
    {
        var manager = roster.Manager();
        return manager is not null && Active(manager, at)
            ? new EscalationStep(level, manager, "engineering manager")
            : new EscalationStep(level, null, "engineering manager", "nobody holds it (the team has no engineering manager)");
    }

    private static string? HoleOf(Engineer? holder, ScheduleSlice? slice) =>
        holder is not null ? null
        : slice is null ? "nobody holds it (no shift is planned then)"
        : $"nobody holds it ({SliceText.Why(slice)})";

    /// <summary>Whether <paramref name="engineer"/> is still on the team at <paramref name="at"/> (not yet left).</summary>
    private bool Active(Engineer engineer, DateTimeOffset at) => engineer.LeftOn is not { } left || left > clock.LocalDate(at);
}
