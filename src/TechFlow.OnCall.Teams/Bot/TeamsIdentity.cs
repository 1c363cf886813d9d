using Microsoft.Extensions.Logging;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Teams.Activities;
using TechFlow.OnCall.Teams.Connector;

namespace TechFlow.OnCall.Teams.Bot;

/// <summary>
/// Maps a Teams user to a roster engineer: by AAD object id (or Teams user id), else by the e-mail address the
/// Bot Connector reports for the member. A match found by e-mail is stored so the next message needs no lookup.
/// </summary>
public sealed class TeamsIdentity(RosterService roster, ConnectorClient connector, ILogger<TeamsIdentity> logger)
{
    public async Task<Engineer?> ResolveAsync(Activity activity, CancellationToken cancellationToken)
    {
        var userId = activity.From?.Id;
        var aad = activity.From?.AadObjectId;
        if (userId is null && aad is null)
        {
            return null;
        }

        var engineer = roster.ByTeamsId(userId, aad);
        if (engineer is null && await EmailAsync(activity, cancellationToken) is { } email)
        {
            engineer = roster.ByEmail(email);
        }

        if (engineer is not null && (engineer.TeamsUserId != userId || (aad is not null && engineer.TeamsAadObjectId != aad)))
        {
            engineer = engineer with { TeamsUserId = userId ?? engineer.TeamsUserId, TeamsAadObjectId = aad ?? engineer.TeamsAadObjectId };
            roster.Save(engineer);
            logger.LogInformation("Mapped Teams user {UserId} to {Engineer}", userId, engineer.Id);
        }

        return engineer;
    }

    private async Task<string?> EmailAsync(Activity activity, CancellationToken ct)
    {
        if (activity.ServiceUrl is not { } serviceUrl || activity.Conversation?.Id is not { } conversation || activity.From?.Id is not { } userId)
        {
            return null;
        }

        try
        {
            var member = await connector.GetMemberAsync(serviceUrl, conversation, userId, ct);
            if (!member.IsSuccess || member.Body is not { } body)
            {
                return null;
            }

            foreach (var key in (string[])["email", "userPrincipalName"])
            {
                if (body[key]?.GetValueKind() == System.Text.Json.JsonValueKind.String && body[key]!.GetValue<string>() is { Length: > 0 } value && value.Contains('@', StringComparison.Ordinal))
                {
                    return value;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            logger.LogDebug(ex, "Could not look up the Teams member {UserId}", userId);
        }

        return null;
    }
}
