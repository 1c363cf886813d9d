using TechFlow.OnCall.Slack.Interactions;

namespace TechFlow.OnCall.Slack.Modals;

/// <summary>The Home tab's "Request swap", "Request time off" and "Page on call" buttons: each opens its form.</summary>
public sealed class ModalButtonHandler(ModalOpener opener) : IBlockActionHandler
{
    public const string OpenSwap = "modal.swap";
    public const string OpenTimeOff = "modal.timeoff";
    public const string OpenPage = "modal.page";

    public IReadOnlyList<string> ActionIds { get; } = [OpenSwap, OpenTimeOff, OpenPage];

    public async Task HandleAsync(BlockActionRequest request, CancellationToken cancellationToken)
    {
        if (request.TriggerId is { } trigger)
        {
            await opener.OpenAsync(request.ActionId["modal.".Length..], trigger, request.UserId, null, cancellationToken);
        }
    }
}
