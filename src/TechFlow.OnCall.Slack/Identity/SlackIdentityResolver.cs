using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Slack.Api;

namespace TechFlow.OnCall.Slack.Identity;

/// <summary>
/// Maps a Slack user to a roster engineer: by stored Slack id, else once by the email <c>users.info</c> reports,
/// storing the link so the lookup is not repeated. Unknown users resolve to null and can still ask.
/// </summary>
public sealed class SlackIdentityResolver(
    RosterService roster,
    ISlackApiClient api,
    IOptions<SlackOptions> options,
    ILogger<SlackIdentityResolver> logger)
{
    private readonly ConcurrentDictionary<string, bool> _looked = new(StringComparer.Ordinal);

    /// <summary>The core input for something <paramref name="slackUserId"/> did in <paramref name="channelId"/>, with the engineer resolved.</summary>
    public async Task<BotInput> InputAsync(string slackUserId, string? channelId, CancellationToken cancellationToken)
    {
        var engineer = await ResolveAsync(slackUserId, cancellationToken);
        return new BotInput
        {
            Platform = "slack",
            EngineerId = engineer?.Id,
            PlatformUserId = slackUserId,
            DisplayName = engineer?.Name,
            ChannelId = channelId,
        };
    }

    public async Task<Engineer?> ResolveAsync(string? slackUserId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(slackUserId))
        {
            return null;
        }

        if (roster.BySlackId(slackUserId) is { } known)
        {
            return known;
        }

        if (!options.Value.OutboundEnabled || !_looked.TryAdd(slackUserId, true))
        {
            return null;
        }

        try
        {
            var user = await api.Users.InfoAsync(slackUserId, cancellationToken);
            if (user.IsBot || string.IsNullOrEmpty(user.Email) || roster.ByEmail(user.Email) is not { } engineer
                || (engineer.SlackUserId is { Length: > 0 } && engineer.SlackUserId != slackUserId))
            {
                return null;
            }

            var linked = engineer with { SlackUserId = slackUserId };
            roster.Save(linked);
            logger.LogInformation("Linked Slack user {SlackUser} to {Engineer} by email", slackUserId, engineer.Id);
            return linked;
        }
        catch (SlackApiException ex)
        {
            if (ex.IsTransient)
            {
                _looked.TryRemove(slackUserId, out _);
            }

            logger.LogWarning("users.info for {SlackUser} failed: {Error}", slackUserId, ex.ErrorCode);
            return null;
        }
    }
}
