using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests.Delivery;

/// <summary>
/// The host stops (as a crash would) while Slack holds a chat.postMessage; a second host on the same store must
/// neither post it again nor lose it.
/// </summary>
public sealed class SlackOutboxCrashTests : IAsyncLifetime, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"slack-crash-{Guid.NewGuid():N}.db");
    private readonly CancellationTokenSource _release = new();
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _release.CancelAsync();
        await _slack.DisposeAsync();
    }

    private Dictionary<string, string?> Store => new() { ["Store:Path"] = _path };

    private static OutboxMessage Reminder(string? directTo) => new()
    {
        Id = directTo is null ? "handoff-reminder:2026-11-27" : "handoff-reminder:2026-11-27:dm",
        Kind = "handoff-reminder",
        DirectTo = directTo,
        Reply = new Reply { Text = ["On-call handoff today at 5:00 PM"] },
    };

    private static void LinkAlex(SlackHost host)
    {
        var roster = host.Services.GetRequiredService<RosterService>();
        roster.Save(roster.Find("alex-chen")! with { SlackUserId = "U0ALEX" });
    }

    /// <summary>Starts a host, enqueues <paramref name="message"/>, and stops the host (as a crash would) once <paramref name="inCall"/> completes.</summary>
    private async Task StopMidCallAsync(OutboxMessage message, Task inCall)
    {
        using var first = new SlackHost(_slack, time: null, Store);
        _ = first.Server;
        LinkAlex(first);
        Assert.True(first.Services.GetRequiredService<Outbox>().Enqueue(message));
        await inCall.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A second host on the same store, once it has marked <paramref name="key"/> sent.</summary>
    private async Task<SlackHost> RestartUntilSentAsync(string key)
    {
        var second = new SlackHost(_slack, time: null, Store);
        _ = second.Server;
        var store = second.Services.GetRequiredService<IOnCallStore>();
        if (!await _slack.WaitForAsync(_ => store.Set<OutboxDelivery>().Get($"slack|{key}")?.Status == DeliveryStatus.Sent))
        {
            second.Dispose();
            Assert.Fail($"{key} was never marked sent after the restart");
        }

        return second;
    }

    [Theory]
    [InlineData(null, "C0TEAM")]
    [InlineData("alex-chen", "DU0ALEX")]
    public async Task Outbox_StopAfterSlackPostedBeforeMarking_RestartReconcilesWithoutPostingAgain(string? directTo, string channel)
    {
        var posted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _slack.AfterProcessing = async call =>
        {
            if (call.Method == "chat.postMessage")
            {
                posted.TrySetResult();
                await Task.Delay(Timeout.Infinite, _release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        };
        await StopMidCallAsync(Reminder(directTo), posted.Task);

        _slack.AfterProcessing = null;
        using var second = await RestartUntilSentAsync(Reminder(directTo).Id);
        var store = second.Services.GetRequiredService<IOnCallStore>();
        var id = $"slack|{Reminder(directTo).Id}";

        Assert.Single(_slack.Calls, c => c.Method == "chat.postMessage");
        Assert.Equal([Reminder(directTo).Id], _slack.PostedKeys(channel));
        Assert.Contains(_slack.Calls, c => c.Method == "conversations.history" && c.Query["channel"] == channel);
        Assert.StartsWith(channel + ":", store.Set<OutboxDelivery>().Get(id)!.PlatformRef, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_StopBeforeSlackProcessedThePost_RestartPostsItOnce()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _slack.BeforeProcessing = async call =>
        {
            if (call.Method != "chat.postMessage")
            {
                return true;
            }

            reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, _release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return false;
        };
        await StopMidCallAsync(Reminder(null), reached.Task);

        _slack.BeforeProcessing = null;
        using var second = await RestartUntilSentAsync("handoff-reminder:2026-11-27");

        Assert.Equal(["handoff-reminder:2026-11-27"], _slack.PostedKeys("C0TEAM"));
    }

    public void Dispose()
    {
        _release.Dispose();
        foreach (var file in new[] { _path, _path.Replace(".db", "-log.db", StringComparison.Ordinal) })
        {
            File.Delete(file);
        }
    }
}
