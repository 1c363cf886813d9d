using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Slack;
using TechFlow.OnCall.Slack.Api;

namespace TechFlow.OnCallBot.Health;

/// <summary>
/// Where Slack:BotToken is set, Slack's <c>auth.test</c> accepts it. A refused token (invalid_auth, token_revoked, …)
/// makes the host unready; Slack being unreachable only degrades it (the outbox waits, and its age check catches a long outage).
/// </summary>
internal sealed class SlackHealthCheck(ISlackApiClient api, IOptions<SlackOptions> slack, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck, IDisposable
{
    private readonly PlatformCheckCache _cache = new(time, TimeSpan.FromSeconds(5));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!slack.Value.OutboundEnabled)
        {
            return HealthCheckResult.Healthy("not configured");
        }

        return await _cache.GetAsync(options.Value.PlatformCheckInterval, AuthTestAsync, cancellationToken);
    }

    private async Task<HealthCheckResult> AuthTestAsync(CancellationToken cancellationToken)
    {
        try
        {
            var answer = await api.PostAsync("auth.test", [], cancellationToken);
            var team = answer.TryGetProperty("team", out var t) ? t.GetString() : null;
            return HealthCheckResult.Healthy(team is null ? "auth.test ok" : $"auth.test ok ({team})");
        }
        catch (SlackApiException ex) when (ex.IsTransient)
        {
            return HealthCheckResult.Degraded($"auth.test unreachable ({ex.ErrorCode})");
        }
        catch (SlackApiException ex)
        {
            return HealthCheckResult.Unhealthy($"auth.test says {ex.ErrorCode}");
        }
    }

    public void Dispose() => _cache.Dispose();
}
