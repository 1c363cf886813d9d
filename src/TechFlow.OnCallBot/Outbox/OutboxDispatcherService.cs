using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Outbox;

/// <summary>Runs the outbox dispatcher: whenever a committed unit of work adds deliveries, and every few seconds for retries.</summary>
internal sealed class OutboxDispatcherService(
    OutboxDispatcher dispatcher,
    IOnCallStore store,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.Committed += OnCommitted;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await dispatcher.DispatchDueAsync(stoppingToken);
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
            store.Committed -= OnCommitted;
        }
    }

    private void OnCommitted(StoreCommit commit)
    {
        if (commit.Touches<OutboxMessage>() && _wake.CurrentCount == 0)
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
