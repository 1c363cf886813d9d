using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>
/// The Confirm and Cancel buttons of a team change, and Approve and Decline of a link request; the value is the
/// request's id, reloaded and re-checked.
/// </summary>
public sealed class TeamActionHandler(TeamService team, LinkRequests links) : IActionHandler
{
    public IReadOnlyList<string> ActionIds { get; } = [TeamMessages.Confirm, TeamMessages.Cancel, LinkRequests.Approve, LinkRequests.Decline];

    public ValueTask<ActionResult> HandleAsync(CommandContext context, BotAction action, CancellationToken cancellationToken) =>
        ValueTask.FromResult(action.ActionId switch
        {
            TeamMessages.Confirm => team.Confirm(action.Value, context.Engineer),
            TeamMessages.Cancel => team.Cancel(action.Value, context.Engineer),
            _ => links.Decide(action.Value, context.Engineer, action.ActionId == LinkRequests.Approve),
        });
}
