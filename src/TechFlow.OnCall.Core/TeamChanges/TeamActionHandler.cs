using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>The Confirm and Cancel buttons of a team change; the value is the change's id, reloaded and re-checked.</summary>
public sealed class TeamActionHandler(TeamService team) : IActionHandler
{
    public IReadOnlyList<string> ActionIds { get; } = [TeamMessages.Confirm, TeamMessages.Cancel];

    public ValueTask<ActionResult> HandleAsync(CommandContext context, BotAction action, CancellationToken cancellationToken) =>
        ValueTask.FromResult(action.ActionId == TeamMessages.Confirm
            ? team.Confirm(action.Value, context.Engineer)
            : team.Cancel(action.Value, context.Engineer));
}
