using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Slack;
using TechFlow.OnCall.Teams;
using TechFlow.OnCallBot.Security;

namespace TechFlow.OnCallBot.Playground;

/// <summary>
/// Decides whether a playground request is served, and as whom it may act. The playground trusts the <c>as</c> it is
/// given, so it exists only where the person at the keyboard could open the store anyway: on a host that listens on
/// loopback alone, for requests made directly on this machine; elsewhere only with <see cref="PlaygroundOptions.Token"/>.
/// </summary>
public sealed class PlaygroundAccess(
    IOptions<PlaygroundOptions> options,
    IOptions<SlackOptions> slack,
    IOptions<TeamsOptions> teams,
    ServerBinding binding)
{
    /// <summary>True when Slack or Teams is configured: people linked to them act there, not in the playground, unless the token is set.</summary>
    public bool ChatPlatformsConfigured =>
        slack.Value.InboundEnabled || slack.Value.OutboundEnabled || teams.Value.HasAppId;

    /// <summary>Why the playground is off on this host, or null when it is on.</summary>
    public string? Off()
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return "The playground is off (Playground:Enabled=false).";
        }

        return settings.HasToken || binding.IsLoopbackOnly
            ? null
            : "The playground is off: this host listens beyond loopback. Set Playground:Token to use it with a token.";
    }

    /// <summary>The answer that refuses <paramref name="http"/>, or null to serve it.</summary>
    public IResult? Refusal(HttpContext http)
    {
        if (Off() is { } off)
        {
            return Results.Text(off, statusCode: StatusCodes.Status404NotFound);
        }

        var token = options.Value.Token;
        if (!string.IsNullOrEmpty(token))
        {
            var given = Secrets.Bearer(http.Request.Headers.Authorization.ToString()) ?? http.Request.Query["token"].ToString();
            return Secrets.Matches(given, token)
                ? null
                : Results.Text("This playground needs its token: open it as /?token=… (Playground:Token).", statusCode: StatusCodes.Status401Unauthorized);
        }

        return LocalRequests.IsDirectFromThisMachine(http)
            ? null
            : Results.Text("The playground answers only requests made directly on this machine. Set Playground:Token to reach it through a proxy or tunnel.", statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>Why the playground may not act as <paramref name="engineer"/>, or null when it may.</summary>
    public string? RefuseActingAs(Engineer? engineer)
    {
        if (engineer is null || options.Value.HasToken || !ChatPlatformsConfigured)
        {
            return null;
        }

        var platform = !string.IsNullOrEmpty(engineer.SlackUserId) ? "Slack"
            : !string.IsNullOrEmpty(engineer.TeamsUserId) || !string.IsNullOrEmpty(engineer.TeamsAadObjectId) ? "Teams"
            : null;
        return platform is null ? null
            : $"{engineer.Name} is linked to {platform}: act as them from {platform}. Set Playground:Token to use the playground as people linked to a chat platform.";
    }

    /// <summary>Whether the feed may show a direct message to <paramref name="engineer"/> (not to a linked person, unless the token is set).</summary>
    public bool MayReadDirectMessagesOf(Engineer? engineer) => RefuseActingAs(engineer) is null;
}
