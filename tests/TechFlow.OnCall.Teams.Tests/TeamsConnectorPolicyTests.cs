using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Teams.Connector;
using TechFlow.OnCall.Teams.Proactive;
using TechFlow.OnCall.Teams.Tests.Support;

namespace TechFlow.OnCall.Teams.Tests;

/// <summary>
/// Bot Connector calls: a timeout on every call, pipeline retries only for GET and PUT, and at-least-once
/// delivery for a post whose outcome is unknown.
/// </summary>
public sealed class TeamsConnectorPolicyTests : IAsyncLifetime
{
    private LoopbackBotFramework _bot = null!;
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        _bot = await LoopbackBotFramework.StartAsync();
        _host = new TeamsHost(_bot, configure: s => s.Configure<TeamsOptions>(o => o.ConnectorTimeout = TimeSpan.FromSeconds(2)));
        await _host.PostAsync(TeamsActivities.BotAddedToTeam(_bot.ServiceUrl), _host.Token());
        _bot.Reset();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _bot.DisposeAsync();
    }

    private T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    private OutboxDelivery Delivery(string key) => Get<IOnCallStore>().Set<OutboxDelivery>().Get($"teams|{key}")!;

    private static OutboxMessage Message(string key, string? updates = null) => new()
    {
        Id = key,
        Kind = "handoff-reminder",
        Updates = updates,
        Reply = new Reply { Text = ["Alex hands over to Sarah at 5:00 PM EST."] },
    };

    [Fact]
    public async Task Dispatch_ConnectorAnswers503ToAPost_OneCallAndTheDeliveryWaitsUncertain()
    {
        _bot.NextStatuses.Enqueue(503);
        Get<Outbox>().Enqueue(Message("holiday:2026-12-25"));

        await Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.Single(_bot.Calls);
        var delivery = Delivery("holiday:2026-12-25");
        Assert.Equal(DeliveryStatus.Sending, delivery.Status);
        Assert.Contains("503", delivery.LastError, StringComparison.Ordinal);
        Assert.True(delivery.NextAttemptAt > _host.Time.GetUtcNow());
    }

    [Fact]
    public async Task GetMember_ConnectorAnswers503Once_RetriedByThePipeline()
    {
        _bot.NextStatuses.Enqueue(503);
        _bot.Member = new JsonObject { ["id"] = "29:lisa", ["email"] = "lisa.wang@techflow.example" };

        var result = await Get<ConnectorClient>().GetMemberAsync(_bot.ServiceUrl, TeamsActivities.TeamChannel, "29:lisa", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(2, _bot.Calls.Count);
    }

    [Fact]
    public async Task Post_ConnectorHangs_FailsAfterTheTimeoutWithOneCall()
    {
        _bot.NextDelays.Enqueue(TimeSpan.FromSeconds(20));
        var post = Get<ConnectorClient>().PostAsync(_bot.ServiceUrl, TeamsActivities.TeamChannel, new JsonObject { ["type"] = "message", ["text"] = "hi" }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => post.WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.Single(_bot.Calls);
    }

    [Fact]
    public async Task Dispatch_PostLeftInSendingByACrash_SentAgainOnceAtLeastOnce()
    {
        var store = Get<IOnCallStore>();
        Get<Outbox>().Enqueue(Message("shift-start:2026-11-27"));
        store.Write(tx => tx.Set<OutboxDelivery>().Upsert(Delivery("shift-start:2026-11-27") with
        {
            Status = DeliveryStatus.Sending,
            SendingSince = _host.Time.GetUtcNow(),
            Attempts = 1,
        }));

        await Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        await Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        var post = Assert.Single(_bot.Calls);
        Assert.Equal("POST", post.Method);
        Assert.Equal(DeliveryStatus.Sent, Delivery("shift-start:2026-11-27").Status);
        Assert.Equal(2, Delivery("shift-start:2026-11-27").Attempts);
        Assert.Equal(TeamsChatDelivery.AtLeastOnce, Delivery("shift-start:2026-11-27").LastError);
    }

    [Fact]
    public async Task Dispatch_UpdateLeftInSendingByACrash_RepeatsThePutInPlace()
    {
        var store = Get<IOnCallStore>();
        var outbox = Get<Outbox>();
        outbox.Enqueue(Message("page:k7m2qx:channel:1"));
        await Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        outbox.Enqueue(Message("page:k7m2qx:acknowledged", updates: "page:k7m2qx:channel:1"));
        store.Write(tx => tx.Set<OutboxDelivery>().Upsert(Delivery("page:k7m2qx:acknowledged") with
        {
            Status = DeliveryStatus.Sending,
            SendingSince = _host.Time.GetUtcNow(),
        }));

        await Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["POST", "PUT"], _bot.Calls.Select(c => c.Method));
        Assert.Equal(DeliveryStatus.Sent, Delivery("page:k7m2qx:acknowledged").Status);
    }

    [Fact]
    public async Task Reconcile_PostCannotBeLookedUp_SaysSoAndSendsAgain()
    {
        var delivery = Get<IEnumerable<IChatDelivery>>().OfType<TeamsChatDelivery>().Single();

        var answer = await delivery.ReconcileAsync(Message("holiday:2026-12-25"), null, _host.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(new Reconciliation.Unknown(TeamsChatDelivery.AtLeastOnce), answer);
    }
}
