using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.TeamChanges;

namespace TechFlow.OnCallBot.Extensions;

public static class TeamChangesServiceCollectionExtensions
{
    /// <summary>Team changes from chat: the roster, join/leave/rejoin/edit with confirmation, identity links, admins.</summary>
    public static IServiceCollection AddTeamChanges(this IServiceCollection services)
    {
        services.AddSingleton<TeamAdmins>();
        services.AddSingleton<TeamMessages>();
        services.AddSingleton<TeamChangeRules>();
        services.AddSingleton<RosterChanges>();
        services.AddSingleton<TeamService>();
        services.AddSingleton<LinkRequests>();
        services.AddSingleton<TeamRosterReply>();
        services.AddSingleton<ICommandHandler, TeamHandler>();
        services.AddSingleton<ICommandHandler, PipelineAdminHandler>();
        services.AddSingleton<IActionHandler, TeamActionHandler>();
        return services;
    }
}
