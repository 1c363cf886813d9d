using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TechFlow.OnCallBot.Observability;

namespace TechFlow.OnCallBot.Health;

/// <summary>The dispatcher keeps up: no due message has waited longer than <see cref="HealthOptions.MaxOutboxAge"/>.</summary>
internal sealed class OutboxHealthCheck(OutboxBacklog backlog, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limit = options.Value.MaxOutboxAge;
        var lanes = backlog.Lanes();
        var oldest = lanes.MaxBy(l => l.OldestAge);
        var result = oldest is not null && oldest.OldestAge > limit
            ? HealthCheckResult.Unhealthy($"the oldest message to {oldest.Sink} {oldest.Destination} has waited {Format(oldest.OldestAge)} (limit {Format(limit)}); {lanes.Sum(l => l.Pending)} waiting")
            : HealthCheckResult.Healthy($"{lanes.Sum(l => l.Pending)} waiting");
        return Task.FromResult(result);
    }

    private static string Format(TimeSpan span) => span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m {span.Seconds}s" : $"{span.Seconds}s";
}
