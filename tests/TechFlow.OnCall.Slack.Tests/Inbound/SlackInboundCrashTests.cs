using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Inbound;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests.Inbound;

/// <summary>
/// The host stops (as in a crash: the work is cut off, nothing marks it) after Slack was acknowledged and before
/// the work finished; a second host on the same store must finish it, and Slack's retry must not run it again.
/// </summary>
public sealed class SlackInboundCrashTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly string _store = SlackHost.NewStorePath();
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        SlackHost.DeleteStore(_store);
    }

    private static HttpRequestMessage Event(string body, DateTimeOffset at, int? retryNum = null)
    {
        var request = SlackSigner.Request("/slack/events", body, "application/json", at);
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    [Fact]
    public async Task Events_HostStopsBeforeTheAnswerIsPosted_RestartAnswersOnceAndSlacksRetryIsNotProcessedAgain()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = 0;
        _slack.BeforeProcessing = call =>
        {
            if (IsReply(call) && Interlocked.Exchange(ref first, 1) == 0)
            {
                reached.TrySetResult();
                return release.Task;
            }

            return Task.FromResult(true);
        };
        var body = SlackSigner.EventBody("EvCrash1", """{"type":"message","channel_type":"im","user":"U0GUEST","text":"page aggregate profit numbers missing","ts":"1700000100.000100","channel":"D0GUEST","event_ts":"1700000100.000100"}""");

        using (var before = new SlackHost(_slack, _time, storePath: _store))
        {
            using var client = before.CreateClient();
            using var ack = await client.SendAsync(Event(body, Now));
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // The stopped host's answer never reached the DM.
        release.SetResult(false);
        Assert.DoesNotContain(_slack.Succeeded("chat.postMessage"), IsReply);

        using var after = new SlackHost(_slack, _time, storePath: _store);
        using (var client = after.CreateClient())
        using (var retry = await client.SendAsync(Event(body, Now, retryNum: 1)))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        }

        _time.Advance(InboundWorkRunner.Lease + TimeSpan.FromSeconds(1));
        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("chat.postMessage").Any(IsReply)));
        var work = await WaitForStateAsync(after, "slack-event:EvCrash1", InboundWorkState.Done);
        await Task.Delay(1500);

        var answer = Assert.Single(_slack.Succeeded("chat.postMessage"), IsReply);
        Assert.Contains("Aggregate Profit", answer.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, work.Attempts);
        var page = Assert.Single(after.Services.GetRequiredService<IOnCallStore>().Set<Page>().All());
        Assert.Equal(1, page.JoinCount);
    }

    [Fact]
    public async Task Interactions_HostStopsWhileThePressIsProcessed_RestartFinishesItOnce()
    {
        var action = new StallingAction();
        var hook = _slack.BaseUrl + "/hooks/crash1";
        var press = SlackSigner.ActionBody("U0GUEST", "test-stall", "opaque-7", hook, triggerId: "111.222.press");

        using (var before = new SlackHost(_slack, _time, configure: s => s.AddSingleton<IActionHandler>(action), storePath: _store))
        {
            using var client = before.CreateClient();
            using var ack = await client.SendAsync(SlackSigner.Request("/slack/interactions", press, "application/x-www-form-urlencoded", Now));
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            await action.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.DoesNotContain(_slack.Calls, c => c.Method.StartsWith("response_url", StringComparison.Ordinal));
        Assert.Equal(0, action.Finished);

        using var after = new SlackHost(_slack, _time, configure: s => s.AddSingleton<IActionHandler>(action), storePath: _store);
        using (var client = after.CreateClient())
        using (var again = await client.SendAsync(SlackSigner.Request("/slack/interactions", press, "application/x-www-form-urlencoded", Now)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        _time.Advance(InboundWorkRunner.Lease + TimeSpan.FromSeconds(1));
        await WaitForStateAsync(after, "slack-action:111.222.press", InboundWorkState.Done);
        await Task.Delay(1500);

        Assert.Equal(1, action.Finished);
        var replacement = Assert.Single(_slack.Succeeded("response_url:crash1"), c => c.Body!["replace_original"]!.GetValue<bool>());
        Assert.Contains("Stalled then done", replacement.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The bot's answer in the asker's DM (page notifications go elsewhere, through the outbox).</summary>
    private static bool IsReply(FakeSlackCall call) =>
        call.Method == "chat.postMessage" && call.Body?["channel"]?.GetValue<string>() == "D0GUEST";

    private static async Task<InboundWork> WaitForStateAsync(SlackHost host, string id, InboundWorkState state)
    {
        var store = host.Services.GetRequiredService<IOnCallStore>();
        for (var i = 0; i < 600; i++)
        {
            if (store.Set<InboundWork>().Get(id) is { } work && work.State == state)
            {
                return work;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{id} never reached {state}: {store.Set<InboundWork>().Get(id)}");
        return null!;
    }

    /// <summary>A core button handler whose first press hangs until its host stops.</summary>
    private sealed class StallingAction : IActionHandler
    {
        private int _calls;
        private int _finished;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Finished => Volatile.Read(ref _finished);

        public IReadOnlyList<string> ActionIds { get; } = ["test-stall"];

        public async ValueTask<ActionResult> HandleAsync(CommandContext context, BotAction action, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                Started.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            Interlocked.Increment(ref _finished);
            return new ActionResult(new Reply { Text = ["Stalled then done"] }, null);
        }
    }
}
