using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCallBot.Background;

namespace TechFlow.OnCallBot.Outbox;

/// <summary>
/// Runs the outbox dispatcher: starts the lanes that have due work whenever a committed unit of work adds messages,
/// whenever a lane stops, and every second for retries and parked lanes. It never waits for a lane, so a slow
/// destination holds up only itself.
/// </summary>
internal sealed class OutboxDispatcherService(
    OutboxDispatcher dispatcher,
    IOnCallStore store,
    ILogger<OutboxDispatcherService> logger) : CommitDrivenService<OutboxMessage>(store, logger)
{
    protected override string Work => "Outbox dispatch";

    protected override void StartDue(CancellationToken stoppingToken) => dispatcher.StartDueLanes(stoppingToken);

    protected override Task WaitForStartedAsync() => dispatcher.WaitForLanesAsync();

    protected override void Subscribe() => dispatcher.LaneStopped += OnLaneStopped;

    protected override void Unsubscribe() => dispatcher.LaneStopped -= OnLaneStopped;

    private void OnLaneStopped(string lane, Exception? error)
    {
        if (error is not null and not OperationCanceledException)
        {
            Logger.LogError(error, "Outbox lane {Lane} stopped; it is retried on the next pass", lane);
        }

        Wake();
    }
}
