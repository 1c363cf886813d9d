using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TechFlow.OnCallBot.Health;

/// <summary>Keeps a platform check's last result for a while, so probes every few seconds do not hammer Slack or Entra ID.</summary>
internal sealed class PlatformCheckCache(TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> GetAsync(TimeSpan maxAge, Func<CancellationToken, Task<HealthCheckResult>> check, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_last is { } last && now - last.At < maxAge)
            {
                return last.Result;
            }

            var result = await check(cancellationToken);
            _last = (result, time.GetUtcNow());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
