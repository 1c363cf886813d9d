using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests.Delivery;

/// <summary>A Slack that is slow to answer chat.postMessage must not get the message twice.</summary>
public sealed class SlackSlowApiTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private static OutboxMessage Page(string id) => new()
    {
        Id = id,
        Kind = "page",
        Reply = new Reply { Text = ["Aggregate Profit is late"] },
    };

    /// <summary>Slack posts the first chat.postMessage at once and answers it after <paramref name="delay"/>.</summary>
    private void HoldFirstPost(TimeSpan delay)
    {
        var first = 0;
        _slack.AfterProcessing = async call =>
        {
            if (call.Method == "chat.postMessage" && Interlocked.Increment(ref first) == 1)
            {
                await Task.Delay(delay);
            }
        };
    }

    [Fact]
    public async Task Outbox_SlackTakes12SecondsToAnswerThePost_PostedOnce()
    {
        HoldFirstPost(TimeSpan.FromSeconds(12));
        using var host = new SlackHost(_slack, time: null);
        _ = host.Server;
        var store = host.Services.GetRequiredService<IOnCallStore>();

        Assert.True(host.Services.GetRequiredService<Outbox>().Enqueue(Page("page:k7m2qx:channel:1")));

        Assert.True(await _slack.WaitForAsync(_ => store.Set<OutboxDelivery>().Get("slack|page:k7m2qx:channel:1")?.Status == DeliveryStatus.Sent));
        Assert.Single(_slack.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task Outbox_PostOutlastsTheRequestTimeout_ReconciledNotPostedAgain()
    {
        HoldFirstPost(TimeSpan.FromSeconds(3));
        using var host = new SlackHost(_slack, time: null, new Dictionary<string, string?> { ["Slack:RequestTimeout"] = "00:00:01" });
        _ = host.Server;
        var store = host.Services.GetRequiredService<IOnCallStore>();

        Assert.True(host.Services.GetRequiredService<Outbox>().Enqueue(Page("page:k7m2qx:channel:1")));

        Assert.True(await _slack.WaitForAsync(_ => store.Set<OutboxDelivery>().Get("slack|page:k7m2qx:channel:1")?.Status == DeliveryStatus.Sent));
        Assert.Single(_slack.Calls, c => c.Method == "chat.postMessage");
        Assert.Equal(["page:k7m2qx:channel:1"], _slack.PostedKeys("C0TEAM"));
        var delivery = store.Set<OutboxDelivery>().Get("slack|page:k7m2qx:channel:1")!;
        Assert.StartsWith("C0TEAM:", delivery.PlatformRef, StringComparison.Ordinal);
    }
}
