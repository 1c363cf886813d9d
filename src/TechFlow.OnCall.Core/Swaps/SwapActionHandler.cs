using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>The swap buttons. The value is only a request id; the service reloads, authorises and acts once.</summary>
public sealed class SwapActionHandler(SwapService swaps, SwapMessages messages) : IActionHandler
{
    public IReadOnlyList<string> ActionIds { get; } =
        [SwapMessages.Approve, SwapMessages.Decline, SwapMessages.Take, SwapMessages.Undo, SwapMessages.Cancel];

    public ValueTask<ActionResult> HandleAsync(CommandContext context, BotAction action, CancellationToken cancellationToken)
    {
        var outcome = action.ActionId switch
        {
            SwapMessages.Approve or SwapMessages.Take => swaps.Approve(action.Value, context.Engineer, context.Now),
            SwapMessages.Decline => swaps.Decline(action.Value, context.Engineer, context.Now),
            SwapMessages.Undo => swaps.Undo(action.Value, context.Engineer, context.Now),
            _ => swaps.Cancel(action.Value, context.Engineer, context.Now),
        };
        var replacement = outcome.Request is { Status: not SwapStatus.Open } request
            ? messages.Outcome(request, context.Now)
            : null;
        return ValueTask.FromResult(new ActionResult(replacement, messages.Say(outcome)));
    }
}
