using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Teams.Activities;
using TechFlow.OnCall.Teams.Connector;

namespace TechFlow.OnCall.Teams.Bot;

/// <summary>
/// Maps a Teams user to a roster engineer: by AAD object id (or Teams user id), else by the e-mail address the
/// Bot Connector reports for the member. A match found by e-mail is stored so the next message needs no lookup.
/// </summary>
/// <remarks>
/// Concurrent messages from one unlinked member share a single member lookup, and a member who is not on the roster
/// is remembered for an hour (<see cref="PlatformUserLookups"/>), so a guest costs no connector call per message.
/// </remarks>
public sealed class TeamsIdentity(
    RosterService roster,
    ConnectorClient connector,
    [FromKeyedServices(TeamsIdentity.LookupsKey)] PlatformUserLookups lookups,
    ILogger<TeamsIdentity> logger)
{
    /// <summary>The key of the process-wide <see cref="PlatformUserLookups"/> for Teams members (this type is made per request).</summary>
    public const string LookupsKey = "teams";

    private readonly PlatformUserLookups _lookups = lookups;

    /// <summary>How many member lookups were started (tests).</summary>
    internal int LookupsStarted => _lookups.Started;

    /// <summary>The core's reference for a mentioned member (<see cref="TeamsMentions.Reference"/>).</summary>
    public string? Reference(ChannelAccount member) => TeamsMentions.Reference(member, roster);

    public async Task<Engineer?> ResolveAsync(Activity activity, CancellationToken cancellationToken)
    {
        var userId = activity.From?.Id;
        var aad = activity.From?.AadObjectId;
        if (userId is null && aad is null)
        {
            return null;
        }

        var engineer = roster.ByTeamsId(userId, aad);
        if (engineer is null && userId is not null)
        {
            engineer = await _lookups.GetAsync(userId, async () =>
            {
                var (email, final) = await EmailAsync(activity);
                return (email is null ? null : roster.ByEmail(email), final);
            }, cancellationToken);
        }

        if (engineer is not null && (engineer.TeamsUserId != userId || (aad is not null && engineer.TeamsAadObjectId != aad)))
        {
            engineer = engineer with { TeamsUserId = userId ?? engineer.TeamsUserId, TeamsAadObjectId = aad ?? engineer.TeamsAadObjectId };
            roster.Save(engineer);
            logger.LogInformation("Mapped Teams user {UserId} to {Engineer}", userId, engineer.Id);
        }

        return engineer;
    }

    /// <summary>The member's e-mail address, and whether that answer is final (false after a passing failure).</summary>
    private async Task<(string? Email, bool Final)> EmailAsync(Activity activity)
    {
        if (activity.ServiceUrl is not { } serviceUrl || activity.Conversation?.Id is not { } conversation || activity.From?.Id is not { } userId)
        {
            return (null, true);
        }

        try
        {
            // Not tied to one message's cancellation: other messages from this member may be waiting for it.
            var member = await connector.GetMemberAsync(serviceUrl, conversation, userId, CancellationToken.None);
            if (!member.IsSuccess || member.Body is not { } body)
            {
                return (null, !member.IsTransient);
            }

            foreach (var key in (string[])["email", "userPrincipalName"])
            {
                if (body[key]?.GetValueKind() == System.Text.Json.JsonValueKind.String && body[key]!.GetValue<string>() is { Length: > 0 } value && value.Contains('@', StringComparison.Ordinal))
                {
                    return (value, true);
                }
            }

            return (null, true);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            logger.LogDebug(ex, "Could not look up the Teams member {UserId}", userId);
            return (null, false);
        }
    }
}
