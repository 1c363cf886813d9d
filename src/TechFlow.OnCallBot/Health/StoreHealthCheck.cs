using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;

namespace TechFlow.OnCallBot.Health;

/// <summary>The store answers, and a unit of work could start now (no writer has held the lock for too long).</summary>
internal sealed class StoreHealthCheck(IOnCallStore store, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store is LiteDbStore lite)
        {
            return Task.FromResult(lite.TryProbe(options.Value.StoreTimeout, out var problem)
                ? HealthCheckResult.Healthy($"{lite.Path}, schema {lite.SchemaVersion}")
                : HealthCheckResult.Unhealthy(problem));
        }

        try
        {
            _ = store.Set<Engineer>().Count();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(ex.Message));
        }
    }
}
