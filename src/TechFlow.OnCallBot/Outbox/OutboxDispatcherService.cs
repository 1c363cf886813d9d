using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Outbox;

/// <summary>
/// Runs the outbox dispatcher: starts the lanes that have due work whenever a committed unit of work adds messages,
/// whenever a lane stops, and every few seconds for retries and parked lanes. It never waits for a lane, so a slow
/// destination holds up only itself.
/// </summary>
internal sealed class OutboxDispatcherService(
    OutboxDispatcher dispatcher,
    IOnCallStore store,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.Committed += OnCommitted;
        dispatcher.LaneStopped += OnLaneStopped;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    dispatcher.StartDueLanes(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Outbox dispatch failed; will retry");
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
            await dispatcher.WaitForLanesAsync();
            store.Committed -= OnCommitted;
            dispatcher.LaneStopped -= OnLaneStopped;
        }
    }

    private void OnCommitted(StoreCommit commit)
    {
        if (commit.Touches<OutboxMessage>())
        {
            Wake();
        }
    }

    private void OnLaneStopped(string lane, Exception? error)
    {
        if (error is not null and not OperationCanceledException)
        {
            logger.LogError(error, "Outbox lane {Lane} stopped; it is retried on the next pass", lane);
        }

        Wake();
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
