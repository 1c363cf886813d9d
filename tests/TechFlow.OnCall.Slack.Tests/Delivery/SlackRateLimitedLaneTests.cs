using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests.Delivery;

/// <summary>The team channel answers 429 with Retry-After 20; other destinations must not wait for it.</summary>
public sealed class SlackRateLimitedLaneTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private static string? ChannelOf(FakeSlackCall call) => call.Body?["channel"]?.GetValue<string>();

    [Fact]
    public async Task Outbox_TeamChannelRateLimited_PageDmDeliveredWithinTwoSeconds()
    {
        _slack.RetryAfterSeconds = 20;
        _slack.Responder = (call, _) => call.Method == "chat.postMessage" && ChannelOf(call) == "C0TEAM" ? 429 : null;
        using var host = new SlackHost(_slack, time: null);
        _ = host.Server;
        var roster = host.Services.GetRequiredService<RosterService>();
        roster.Save(roster.Find("alex-chen")! with { SlackUserId = "U0ALEX" });
        var outbox = host.Services.GetRequiredService<Outbox>();
        var store = host.Services.GetRequiredService<IOnCallStore>();

        outbox.Enqueue(new OutboxMessage { Id = "holiday:2026-12-25", Kind = "holiday", Reply = new Reply { Text = ["Christmas Day"] } });
        Assert.True(await _slack.WaitForAsync(s => s.Calls.Any(c => c.Status == 429)));
        var clock = Stopwatch.StartNew();
        outbox.Enqueue(new OutboxMessage { Id = "page:k7m2qx:1", Kind = "page", DirectTo = "alex-chen", Reply = new Reply { Text = ["You are paged"] } });
        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("chat.postMessage").Any(c => ChannelOf(c) == "DU0ALEX")));
        var latency = clock.Elapsed;

        Assert.True(latency < TimeSpan.FromSeconds(2), $"page DM took {latency.TotalMilliseconds:F0} ms");
        Assert.Single(_slack.Calls, c => c.Method == "chat.postMessage" && ChannelOf(c) == "C0TEAM");
        var parked = store.Set<OutboxDelivery>().Get("slack|holiday:2026-12-25")!;
        Assert.Equal(DeliveryStatus.Pending, parked.Status);
        Assert.Equal("ratelimited", parked.LastError);
        Assert.True(parked.NextAttemptAt > DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15), $"parked until {parked.NextAttemptAt:O}");
    }
}
