using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests.Delivery;

/// <summary>The real host and dispatcher against a loopback fake Slack that answers some calls with 429 or 500.</summary>
public sealed class SlackOutboxEndToEndTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private static OutboxMessage Message(string id, string? channel = null, string? directTo = null, string? updates = null) => new()
    {
        Id = id,
        Kind = "test",
        Channel = channel,
        DirectTo = directTo,
        Updates = updates,
        Reply = new Reply { Text = [$"message {id}"] },
    };

    private static string IdOf(FakeSlackCall call) => call.Body!["text"]!.GetValue<string>().Replace("message ", "", StringComparison.Ordinal).Trim();

    [Fact]
    public async Task Outbox_SlackFailingSometimes_EveryMessageOnceInOrderPerChannel()
    {
        // Every third chat.postMessage answers 500 and every fifth 429 (Retry-After: 1); the retries must cure both.
        _slack.Responder = (call, previous) => call.Method == "chat.postMessage"
            ? previous % 3 == 1 ? 500 : previous % 5 == 3 ? 429 : null
            : null;
        using var host = new SlackHost(_slack, time: null);
        using var client = host.CreateClient();
        var roster = host.Services.GetRequiredService<RosterService>();
        roster.Save(roster.Find("alex-chen")! with { SlackUserId = "U0ALEX" });
        var outbox = host.Services.GetRequiredService<Outbox>();

        var expected = new List<(string Channel, string Id)>();
        for (var i = 1; i <= 8; i++)
        {
            var channel = i % 3 == 0 ? "C0PIPE" : null;
            var dm = i % 4 == 0 ? "alex-chen" : null;
            var id = $"m{i}";
            Assert.True(outbox.Enqueue(Message(id, channel, dm)));
            expected.Add((dm is not null ? "DU0ALEX" : channel ?? "C0TEAM", id));
        }

        Assert.False(outbox.Enqueue(Message("m1")));
        Assert.True(outbox.Enqueue(Message("m9", updates: "m1")));

        var store = host.Services.GetRequiredService<IOnCallStore>();
        Assert.True(await _slack.WaitForAsync(_ => store.Set<OutboxDelivery>().All().All(d => d.Status is DeliveryStatus.Sent or DeliveryStatus.Failed)),
            string.Join('\n', _slack.Calls.Select(c => $"{c.Method} {c.Status}")));
        var posts = _slack.Succeeded("chat.postMessage");
        Assert.Equal(8, posts.Count);
        Assert.Equal(expected.Select(e => e.Id).Order(), posts.Select(IdOf).Order());
        foreach (var lane in expected.GroupBy(e => e.Channel))
        {
            Assert.Equal(lane.Select(e => e.Id), posts.Where(p => p.Body!["channel"]!.GetValue<string>() == lane.Key).Select(IdOf));
        }

        Assert.Contains(_slack.Calls, c => c.Status == 429);
        Assert.Contains(_slack.Calls, c => c.Status == 500);
        var update = Assert.Single(_slack.Succeeded("chat.update"));
        Assert.Equal("C0TEAM", update.Body!["channel"]!.GetValue<string>());
        Assert.Equal("m9", IdOf(update));
        var deliveries = store.Set<OutboxDelivery>().All();
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(9, deliveries.Count);
    }

    [Fact]
    public async Task Outbox_DmToEngineerWithoutSlackAccount_FailedAndOthersStillSent()
    {
        _slack.Responder = (_, _) => null;
        using var host = new SlackHost(_slack, time: null);
        using var client = host.CreateClient();
        var outbox = host.Services.GetRequiredService<Outbox>();

        Assert.True(outbox.Enqueue(Message("dm-nobody", directTo: "mike-rodriguez")));
        Assert.True(outbox.Enqueue(Message("ok-1")));

        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("chat.postMessage").Count == 1));
        var store = host.Services.GetRequiredService<IOnCallStore>();
        Assert.True(await _slack.WaitForAsync(_ => store.Set<OutboxDelivery>().Get("slack|dm-nobody")?.Status == DeliveryStatus.Failed));
        Assert.Contains("no Slack account", store.Set<OutboxDelivery>().Get("slack|dm-nobody")!.LastError, StringComparison.Ordinal);
    }
}
