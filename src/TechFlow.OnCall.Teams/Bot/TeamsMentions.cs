using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Teams.Activities;

namespace TechFlow.OnCall.Teams.Bot;

/// <summary>Translates a Teams mention of a person into the core's reference before text reaches the core.</summary>
public static class TeamsMentions
{
    /// <summary>
    /// <c>@engineer-id</c> for a member linked to an engineer, else <c>@teams:&lt;id&gt;</c> (which <c>link</c> reads as the
    /// account to link); null for a member without an id.
    /// </summary>
    public static string? Reference(ChannelAccount member, RosterService roster) =>
        roster.ByTeamsId(member.Id, member.AadObjectId) is { } engineer ? "@" + engineer.Id
        : (member.Id ?? member.AadObjectId) is { Length: > 0 } id ? "@teams:" + id
        : null;
}
