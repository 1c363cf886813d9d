using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Teams;
using TechFlow.OnCall.Teams.Connector;

namespace TechFlow.OnCallBot.Health;

/// <summary>Where Teams:AppId is set, a Bot Connector token can be had with the configured app password.</summary>
internal sealed class TeamsHealthCheck(IConnectorTokenSource tokens, IOptions<TeamsOptions> teams, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck, IDisposable
{
    private readonly PlatformCheckCache _cache = new(time, TimeSpan.FromSeconds(10));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!teams.Value.HasAppId)
        {
            return HealthCheckResult.Healthy("not configured");
        }

        return await _cache.GetAsync(options.Value.PlatformCheckInterval, TokenAsync, cancellationToken);
    }

    private async Task<HealthCheckResult> TokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await tokens.GetTokenAsync(cancellationToken) is { Length: > 0 }
                ? HealthCheckResult.Healthy("Bot Connector token ok")
                : HealthCheckResult.Unhealthy("no Bot Connector token");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"no Bot Connector token: {FirstLine(ex.Message)}");
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    public void Dispose() => _cache.Dispose();
}
