using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TechFlow.OnCall.Slack.Inbound;

/// <summary>Work that continues after Slack was acknowledged (event replies, late slash-command answers).</summary>
public sealed class SlackBackgroundWork(IHostApplicationLifetime lifetime, ILogger<SlackBackgroundWork> logger) : BackgroundService
{
    /// <summary>Cancelled when the host stops; background work uses it instead of the request's token.</summary>
    public CancellationToken Stopping => lifetime.ApplicationStopping;

    private readonly Channel<Func<CancellationToken, Task>> _work =
        Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Queues <paramref name="work"/>; false when the queue is full (the caller answers "busy").</summary>
    public bool TryQueue(Func<CancellationToken, Task> work) => _work.Writer.TryWrite(work);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(stoppingToken))
            {
                _ = RunAsync(work, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        try
        {
            await work(stoppingToken);
        }
        catch (Exception ex) when (ex is Api.SlackApiException or HttpRequestException)
        {
            // A refused response_url host, a Slack error or an unreachable Slack: one line, no stack.
            logger.LogWarning("Slack background work failed: {Reason}", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Slack background work failed");
        }
    }
}
