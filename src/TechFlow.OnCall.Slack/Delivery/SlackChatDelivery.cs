using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Delivery;

/// <summary>
/// The <c>slack</c> outbox sink: channel posts go to the message's channel or <see cref="SlackOptions.AnnouncementChannel"/>,
/// direct messages to the engineer's DM. Every post carries its outbox key in the message metadata
/// (<see cref="SlackOutboxMetadata"/>), so an attempt whose answer was lost is found again with
/// <c>conversations.history</c> instead of being posted twice. The platform reference is <c>channel:ts</c>.
/// </summary>
public sealed class SlackChatDelivery(ISlackApiClient api, RosterService roster, IOptions<SlackOptions> options) : IChatDelivery
{
    public string Name => "slack";

    public bool IsEnabled => options.Value.OutboundEnabled;

    public async Task<DeliveryOutcome> DeliverAsync(OutboxMessage message, string? updateRef, CancellationToken cancellationToken)
    {
        try
        {
            var rendered = BlockKitRenderer.Render(message.Reply);
            if (ParseRef(updateRef) is { } original)
            {
                var updated = await api.Chat.UpdateAsync(original.Channel, original.Ts, rendered, cancellationToken);
                return new DeliveryOutcome.Sent(FormatRef(updated));
            }

            var channel = await DestinationAsync(message, cancellationToken);
            if (string.IsNullOrEmpty(channel))
            {
                return new DeliveryOutcome.Failed(message.DirectTo is null
                    ? "Slack:AnnouncementChannel is not set" : $"{message.DirectTo} has no Slack account");
            }

            var posted = await api.Chat.PostMessageAsync(channel, rendered with { Metadata = SlackOutboxMetadata.For(message.Id) }, null, cancellationToken);
            return new DeliveryOutcome.Sent(FormatRef(posted));
        }
        catch (SlackRateLimitException ex)
        {
            return new DeliveryOutcome.Retry(ex.RetryAfter, ex.ErrorCode);
        }
        catch (SlackApiException ex) when (ex.IsTransient)
        {
            return new DeliveryOutcome.Uncertain(TimeSpan.Zero, ex.ErrorCode);
        }
        catch (SlackApiException ex)
        {
            return new DeliveryOutcome.Failed(ex.ErrorCode);
        }
    }

    /// <summary>
    /// Looks for the message's outbox key in the destination's history since <paramref name="since"/> (less a
    /// minute for clock skew). An update is never looked up: <c>chat.update</c> can be repeated without doubling.
    /// </summary>
    public async Task<Reconciliation> ReconcileAsync(OutboxMessage message, string? updateRef, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (ParseRef(updateRef) is not null)
        {
            return new Reconciliation.NotLanded();
        }

        try
        {
            var channel = await DestinationAsync(message, cancellationToken);
            if (string.IsNullOrEmpty(channel))
            {
                return new Reconciliation.NotLanded();
            }

            return await SlackOutboxMetadata.FindAsync(api.Conversations, channel, message.Id, since, cancellationToken);
        }
        catch (SlackRateLimitException ex)
        {
            return new Reconciliation.Retry(ex.RetryAfter, ex.ErrorCode);
        }
        catch (SlackApiException ex) when (ex.IsTransient)
        {
            return new Reconciliation.Retry(TimeSpan.Zero, ex.ErrorCode);
        }
        catch (SlackApiException ex)
        {
            return new Reconciliation.Unknown($"could not read the Slack history ({ex.ErrorCode}); sent again");
        }
    }

    /// <summary><c>channel:ts</c>.</summary>
    public static string FormatRef(PostedMessage posted) => $"{posted.Channel}:{posted.Ts}";

    public static PostedMessage? ParseRef(string? platformRef)
    {
        var colon = platformRef?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && colon < platformRef!.Length - 1 ? new PostedMessage(platformRef[..colon], platformRef[(colon + 1)..]) : null;
    }

    /// <summary>The channel id a new post goes to (a DM channel for direct messages); null when there is none.</summary>
    private async Task<string?> DestinationAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        message.DirectTo is { } engineerId
            ? await DirectChannelAsync(engineerId, cancellationToken)
            : message.Channel ?? options.Value.AnnouncementChannel;

    private async Task<string?> DirectChannelAsync(string engineerId, CancellationToken cancellationToken)
    {
        var engineer = roster.Find(engineerId);
        if (engineer is null)
        {
            return null;
        }

        var slackId = engineer.SlackUserId;
        if (string.IsNullOrEmpty(slackId) && !string.IsNullOrEmpty(engineer.Email)
            && await api.Users.LookupByEmailAsync(engineer.Email, cancellationToken) is { } user)
        {
            slackId = user.Id;
            roster.Save(engineer with { SlackUserId = slackId });
        }

        return string.IsNullOrEmpty(slackId) ? null : await api.Conversations.OpenAsync([slackId], cancellationToken);
    }
}
