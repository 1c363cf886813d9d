using Microsoft.Extensions.Logging;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Identity;

namespace TechFlow.OnCall.Slack.Modals;

/// <summary>Opens the swap, time-off or page form for whoever's action carried the trigger id (valid 3 s, once).</summary>
public sealed class ModalOpener(
    SwapModal swap,
    TimeOffModal timeOff,
    SlackIdentityResolver identity,
    ISlackApiClient api,
    ILogger<ModalOpener> logger)
{
    public const string Swap = "swap";
    public const string TimeOff = "timeoff";
    public const string Page = "page";

    /// <summary>Opens form <paramref name="kind"/>; false when the kind is unknown or Slack refused (the trigger expired).</summary>
    public async Task<bool> OpenAsync(string kind, string triggerId, string slackUserId, string? pageMessage, CancellationToken cancellationToken)
    {
        var view = kind switch
        {
            Swap => swap.Build(await identity.ResolveAsync(slackUserId, cancellationToken)),
            TimeOff => timeOff.Build(await identity.ResolveAsync(slackUserId, cancellationToken)),
            Page => PageModal.Build(pageMessage),
            _ => null,
        };
        if (view is null)
        {
            return false;
        }

        try
        {
            await api.Views.OpenAsync(triggerId, view, cancellationToken);
            return true;
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("views.open for the {Kind} form failed: {Error}", kind, ex.ErrorCode);
            return false;
        }
    }
}
