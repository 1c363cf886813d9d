using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Slack;
using TechFlow.OnCall.Slack.SocketMode;

namespace TechFlow.OnCallBot.Health;

/// <summary>
/// Where Slack:AppToken is set, the Socket Mode connections Slack delivers through. Slack disabling the link makes the
/// host unready (nothing reaches it until someone re-enables Socket Mode and restarts it); no connection open while it
/// reconnects only degrades it.
/// </summary>
internal sealed class SocketModeHealthCheck(SocketModeService sockets, IOptions<SlackOptions> slack) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check());

    private HealthCheckResult Check()
    {
        var settings = slack.Value;
        if (!settings.SocketModeEnabled)
        {
            return HealthCheckResult.Healthy("not configured");
        }

        var slots = Math.Max(1, settings.SocketConnections);
        var open = sockets.OpenConnections;
        if (sockets.DisabledSlots >= slots)
        {
            return HealthCheckResult.Unhealthy("Slack disabled the Socket Mode link (link_disabled); not reconnecting");
        }

        if (open == 0)
        {
            return HealthCheckResult.Degraded(sockets.LastFailure is { } failure
                ? $"no connection open, reconnecting (last failure: {failure})"
                : "no connection open yet");
        }

        return HealthCheckResult.Healthy($"{open} of {slots} connections open");
    }
}
