using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Identity;

/// <summary>
/// Maps a Slack user to a roster engineer: by stored Slack id, else once by the email <c>users.info</c> reports,
/// storing the link so the lookup is not repeated. Unknown users resolve to null and can still ask.
/// </summary>
/// <remarks>
/// Concurrent first requests from one user share a single <c>users.info</c> call; a user not on the roster is
/// remembered for an hour (<see cref="PlatformUserLookups"/>).
/// </remarks>
public sealed class SlackIdentityResolver(
    RosterService roster,
    ISlackApiClient api,
    IOptions<SlackOptions> options,
    TimeProvider time,
    IOnCallStore store,
    ILogger<SlackIdentityResolver> logger)
{
    private readonly PlatformUserLookups _lookups = new(time, store);

    /// <summary>The core input for something <paramref name="slackUserId"/> did in <paramref name="channelId"/>, with the engineer resolved.</summary>
    public async Task<BotInput> InputAsync(string slackUserId, string? channelId, CancellationToken cancellationToken)
    {
        var engineer = await ResolveAsync(slackUserId, cancellationToken);
        return new BotInput
        {
            FrontEnd = SlackFrontEnd.Descriptor,
            EngineerId = engineer?.Id,
            PlatformUserId = slackUserId,
            DisplayName = engineer?.Name,
            ChannelId = channelId,
        };
    }

    /// <summary><paramref name="text"/> with Slack's user mentions translated into engineer references (<see cref="SlackMentions"/>).</summary>
    public string Mentions(string text) => SlackMentions.Translate(text, roster.BySlackId);

    /// <summary>
    /// The text of a message or slash command as the person typed it, for the core: mentions translated
    /// (<see cref="Mentions"/>), links, channels and the like written plainly (<see cref="SlackText.PlainMarkup"/>), then
    /// Slack's escaping of &amp;, &lt; and &gt; undone (<see cref="SlackText.Unescape"/>).
    /// </summary>
    public string MessageText(string text) => SlackText.Unescape(SlackText.PlainMarkup(Mentions(text)));

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

        if (!options.Value.OutboundEnabled)
        {
            return null;
        }

        return await _lookups.GetAsync(slackUserId, () => LookupAsync(slackUserId), cancellationToken);
    }

    /// <summary>
    /// Whether resolving <paramref name="slackUserId"/> now would call nothing and change nothing: the user is linked,
    /// outbound calls are off, or the user is a remembered miss. Otherwise the next <see cref="ResolveAsync"/> may call
    /// <c>users.info</c> and store a link, so a memoised answer must not skip it.
    /// </summary>
    public bool IsSettled(string? slackUserId) =>
        string.IsNullOrEmpty(slackUserId) || !options.Value.OutboundEnabled || _lookups.IsRememberedMiss(slackUserId)
        || roster.BySlackId(slackUserId) is not null;

    /// <summary>How many <c>users.info</c> lookups were started (tests).</summary>
    internal int LookupsStarted => _lookups.Started;

    /// <summary>One <c>users.info</c> call, not tied to any one caller's cancellation (others may share it).</summary>
    private async Task<(Engineer? Engineer, bool Final)> LookupAsync(string slackUserId)
    {
        try
        {
            var user = await api.Users.InfoAsync(slackUserId, CancellationToken.None);
            if (user.IsBot || string.IsNullOrEmpty(user.Email) || roster.ByEmail(user.Email) is not { } engineer
                || (engineer.SlackUserId is { Length: > 0 } && engineer.SlackUserId != slackUserId))
            {
                return (null, true);
            }

            var linked = engineer with { SlackUserId = slackUserId };
            roster.Save(linked);
            logger.LogInformation("Linked Slack user {SlackUser} to {Engineer} by email", slackUserId, engineer.Id);
            return (linked, true);
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("users.info for {SlackUser} failed: {Error}", slackUserId, ex.ErrorCode);
            return (null, !ex.IsTransient);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("users.info for {SlackUser} failed: {Error}", slackUserId, ex.Message);
            return (null, false);
        }
    }
}
