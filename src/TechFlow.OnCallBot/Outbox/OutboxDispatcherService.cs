using TechFlow.OnCall.Core.Announcements;

namespace TechFlow.OnCallBot.Outbox;

/// <summary>Runs the outbox dispatcher: when a message is enqueued, and every few seconds for retries.</summary>
internal sealed class OutboxDispatcherService(
    OutboxDispatcher dispatcher,
    OnCall.Core.Announcements.Outbox outbox,
    ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        outbox.Enqueued += OnEnqueued;
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
            outbox.Enqueued -= OnEnqueued;
        }

    }

    private void OnEnqueued()
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
