using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Background;

/// <summary>
/// A loop that starts due work at start (what a stopped or crashed process left), whenever a committed unit of work
/// touches <typeparamref name="TRecord"/>, whenever <see cref="Wake"/> is called, and every second for retries and
/// ended leases. It never waits for the work it starts, only for all of it when the host stops.
/// </summary>
internal abstract class CommitDrivenService<TRecord>(IOnCallStore store, ILogger logger) : BackgroundService
    where TRecord : class
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _wake = new(0);

    protected ILogger Logger { get; } = logger;

    /// <summary>What the loop does, for its error log line ("Outbox dispatch").</summary>
    protected abstract string Work { get; }

    /// <summary>Starts whatever is due without waiting for it.</summary>
    protected abstract void StartDue(CancellationToken stoppingToken);

    /// <summary>Waits for the work started so far to finish (on stop).</summary>
    protected abstract Task WaitForStartedAsync();

    protected virtual void Subscribe()
    {
    }

    protected virtual void Unsubscribe()
    {
    }

    /// <summary>Runs the loop again now (once, however often it is called before the loop gets to it).</summary>
    protected void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.Committed += OnCommitted;
        Subscribe();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    StartDue(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Logger.LogError(ex, "{Work} failed; will retry", Work);
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
            await WaitForStartedAsync();
            store.Committed -= OnCommitted;
            Unsubscribe();
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private void OnCommitted(StoreCommit commit)
    {
        if (commit.Touches<TRecord>())
        {
            Wake();
        }
    }
}
