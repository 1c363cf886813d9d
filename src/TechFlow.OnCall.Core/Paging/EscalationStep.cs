using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>An escalation level with its person filled in.</summary>
/// <param name="Level">The level of the matrix.</param>
/// <param name="Engineer">Who is paged; null when the level has nobody.</param>
/// <param name="Role">What they are at this level, in words.</param>
/// <param name="Hole">Why the level has nobody ("nobody holds it (Lisa Wang left the team)"); null when someone holds it.</param>
public sealed record EscalationStep(EscalationLevel Level, Engineer? Engineer, string Role, string? Hole = null)
{
    /// <summary>"primary on call", "secondary on call", "pipeline owner or senior engineer", "engineering manager".</summary>
    public string TargetName => Level.Target switch
    {
        EscalationTarget.PrimaryOnCall => "primary on call",
        EscalationTarget.SecondaryOnCall => "secondary on call",
        EscalationTarget.OwnerOrSenior => "pipeline owner or senior engineer",
        _ => "engineering manager",
    };

    /// <summary>The hole of a secondary level whose person was already paged at level 1, standing in for an uncovered primary.</summary>
    public const string AlreadyPagedHole = "the secondary was already paged at level 1";

    /// <summary>True for a level passed over only because its person was paged first: not a hole to report.</summary>
    public bool AlreadyPaged => Hole == AlreadyPagedHole;

    /// <summary>"Level 2 (secondary on call) was skipped: nobody holds it (Lisa Wang left the team)".</summary>
    public string SkippedNote => $"Level {Level.Number} ({TargetName}) was skipped: {Hole ?? "nobody holds it"}";
}
