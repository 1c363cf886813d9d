using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Identity;
using TechFlow.OnCall.Slack.Interactions;

namespace TechFlow.OnCall.Slack.Modals;

/// <summary>
/// A date picked in the time-off form: the form is updated in place (<c>views.update</c>, guarded by the view's hash)
/// to say which of the person's shifts the dates hit, before they submit.
/// </summary>
public sealed class TimeOffPreviewHandler(TimeOffModal modal, SlackIdentityResolver identity, ISlackApiClient api) : IBlockActionHandler
{
    public IReadOnlyList<string> ActionIds { get; } = [TimeOffModal.FromAction, TimeOffModal.ToAction];

    public async Task HandleAsync(BlockActionRequest request, CancellationToken cancellationToken)
    {
        if (request.ViewId is not { } viewId)
        {
            return;
        }

        var state = new ViewSubmission(request.UserId, TimeOffModal.Callback, viewId, "", request.ViewValues);
        var engineer = await identity.ResolveAsync(request.UserId, cancellationToken);
        var view = modal.Build(engineer, TimeOffModal.Picked(state, TimeOffModal.FromBlock), TimeOffModal.Picked(state, TimeOffModal.ToBlock));
        try
        {
            await api.Views.UpdateAsync(viewId, request.ViewHash, view, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.ErrorCode == "hash_conflict")
        {
            // The person picked again meanwhile; that pick brings its own update.
        }
    }
}
