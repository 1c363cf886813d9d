using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>Who may change the team: the engineering manager, anyone marked admin in the team file, and the ids in <c>Team:Admins</c>.</summary>
public sealed class TeamAdmins(TeamSettings settings)
{
    public bool IsAdmin(Engineer? engineer) =>
        engineer is not null
        && (engineer.IsManager || engineer.IsAdmin || settings.Admins.Contains(engineer.Id, StringComparer.OrdinalIgnoreCase));

    /// <summary>The answer to someone who may not change the team.</summary>
    public const string Refusal = "Only an admin (the engineering manager, or someone named in Team:Admins or the team file) can change the team. Nothing was changed.";
}
