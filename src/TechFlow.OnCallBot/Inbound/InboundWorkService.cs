using TechFlow.OnCall.Core.Inbound;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Inbound;

/// <summary>
/// Runs recorded inbound work: at start (work a stopped or crashed process left unfinished), whenever a unit of
/// work records new work, and every second for retries and ended leases. It never waits for the work itself.
/// </summary>
internal sealed class InboundWorkService(
    InboundWorkRunner runner,
    IOnCallStore store,
    ILogger<InboundWorkService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.Committed += OnCommitted;
        runner.AttemptFinished += OnAttemptFinished;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    runner.StartDue(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Starting inbound work failed; will retry");
                }

                using var delay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                delay.CancelAfter(Poll);
                try
                {
                    await _wake.WaitAsync(delay.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await runner.WaitForRunningAsync();
            store.Committed -= OnCommitted;
            runner.AttemptFinished -= OnAttemptFinished;
        }
    }

    private void OnCommitted(StoreCommit commit)
    {
        if (commit.Touches<InboundWork>() && _wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    private void OnAttemptFinished(InboundWork work, Exception? error)
    {
        switch (work.State)
        {
            case InboundWorkState.Failed when error is HttpRequestException or OnCall.Slack.Api.SlackApiException:
                // A platform refusal or outage (a response_url host not allowed, channel_not_found): one line.
                logger.LogWarning("Inbound work {Id} failed after {Attempts} attempts: {Error}", work.Id, work.Attempts, work.LastError);
                break;
            case InboundWorkState.Failed:
                logger.LogError(error, "Inbound work {Id} failed after {Attempts} attempts: {Error}", work.Id, work.Attempts, work.LastError);
                break;
            case InboundWorkState.Pending when error is not null:
                logger.LogWarning("Inbound work {Id} attempt {Attempts} failed, retrying at {At:O}: {Error}", work.Id, work.Attempts, work.NextAttemptAt, work.LastError);
                break;
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
