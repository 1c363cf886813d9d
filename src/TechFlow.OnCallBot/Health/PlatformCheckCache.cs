using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TechFlow.OnCallBot.Health;

/// <summary>
/// Runs a platform check with a time limit (a timeout is "degraded": the platform may just be slow) and keeps its
/// result for a while, so probes every few seconds do not hammer Slack or Entra ID.
/// </summary>
internal sealed class PlatformCheckCache(TimeProvider time, TimeSpan callTimeout) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> GetAsync(TimeSpan maxAge, Func<CancellationToken, Task<HealthCheckResult>> check, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && time.GetUtcNow() - last.At < maxAge)
            {
                return last.Result;
            }

            HealthCheckResult result;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(callTimeout);
                try
                {
                    result = await check(timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    result = HealthCheckResult.Degraded($"no answer within {callTimeout.TotalSeconds:0} s");
                }
            }

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
