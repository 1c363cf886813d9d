using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Identity;

namespace TechFlow.OnCall.Slack.Home;

/// <summary>
/// Publishes Home tabs (<c>views.publish</c>): when someone opens theirs, and again after a commit that touches
/// swaps, pages, time off or the schedule. Commits are gathered for <see cref="Debounce"/>, then every Home opened
/// since start is rebuilt and published only where it changed, so a burst of changes costs one publish per person.
/// </summary>
public sealed class HomeTabPublisher(
    HomeTab home,
    SlackIdentityResolver identity,
    ISlackApiClient api,
    IOnCallStore store,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<HomeTabPublisher> logger) : BackgroundService
{
    /// <summary>How long commits are gathered before Home tabs are rebuilt.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, string> _published = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changed = new(0, 1);

    /// <summary>Builds and publishes <paramref name="slackUserId"/>'s Home tab (unless it is unchanged and <paramref name="force"/> is false).</summary>
    public async Task PublishAsync(string slackUserId, bool force, CancellationToken cancellationToken)
    {
        if (!options.Value.OutboundEnabled)
        {
            return;
        }

        var view = await home.BuildAsync(await identity.ResolveAsync(slackUserId, cancellationToken), cancellationToken);
        var json = view.ToJsonString();
        if (!force && _published.TryGetValue(slackUserId, out var last) && last == json)
        {
            return;
        }

        try
        {
            await api.Views.PublishAsync(slackUserId, view, cancellationToken);
            _published[slackUserId] = json;
        }
        catch (SlackApiException ex)
        {
            _published.TryRemove(slackUserId, out _);
            logger.LogWarning("views.publish for {SlackUser} failed: {Error}", slackUserId, ex.ErrorCode);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.Committed += OnCommitted;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changed.WaitAsync(stoppingToken);
                await Task.Delay(Debounce, time, stoppingToken);
                foreach (var user in _published.Keys.ToList())
                {
                    await PublishAsync(user, force: false, stoppingToken);
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
        // Anything in the Schedule room (planned shifts after a regeneration, overrides) may move someone's shifts.
        if (_published.IsEmpty || !(commit.Touches<SwapRequest>() || commit.Touches<Page>() || commit.Touches<TimeOff>()
            || commit.Changed.Any(t => t.Namespace == typeof(ScheduleOverride).Namespace)))
        {
            return;
        }

        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }
}
