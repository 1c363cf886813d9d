using TechFlow.OnCall.Core.Inbound;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCallBot.Background;

namespace TechFlow.OnCallBot.Inbound;

/// <summary>
/// Runs recorded inbound work: at start (work a stopped or crashed process left unfinished), whenever a unit of
/// work records new work, and every second for retries and ended leases. It never waits for the work itself.
/// </summary>
internal sealed class InboundWorkService(
    InboundWorkRunner runner,
    IOnCallStore store,
    ILogger<InboundWorkService> logger) : CommitDrivenService<InboundWork>(store, logger)
{
    protected override string Work => "Starting inbound work";

    protected override void StartDue(CancellationToken stoppingToken) => runner.StartDue(stoppingToken);

    protected override Task WaitForStartedAsync() => runner.WaitForRunningAsync();

    protected override void Subscribe() => runner.AttemptFinished += OnAttemptFinished;

    protected override void Unsubscribe() => runner.AttemptFinished -= OnAttemptFinished;

    private void OnAttemptFinished(InboundWork work, Exception? error)
    {
        switch (work.State)
        {
            case InboundWorkState.Failed when error is HttpRequestException or OnCall.Slack.Api.SlackApiException:
                // A platform refusal or outage (a response_url host not allowed, channel_not_found): one line.
                Logger.LogWarning("Inbound work {Id} failed after {Attempts} attempts: {Error}", work.Id, work.Attempts, work.LastError);
                break;
            case InboundWorkState.Failed:
                Logger.LogError(error, "Inbound work {Id} failed after {Attempts} attempts: {Error}", work.Id, work.Attempts, work.LastError);
                break;
            case InboundWorkState.Pending when error is not null:
                Logger.LogWarning("Inbound work {Id} attempt {Attempts} failed, retrying at {At:O}: {Error}", work.Id, work.Attempts, work.NextAttemptAt, work.LastError);
                break;
        }
    }
}
