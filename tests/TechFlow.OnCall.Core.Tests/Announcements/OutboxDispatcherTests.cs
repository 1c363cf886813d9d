using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Announcements;

public sealed class OutboxDispatcherTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
    private readonly ScriptedSink _sink = new();
    private readonly TestBot _bot;

    public OutboxDispatcherTests() => _bot = TestBot.Create(Now, configure: s => s.AddSingleton<IChatDelivery>(_sink));

    private Outbox Outbox => _bot.Get<Outbox>();

    private OutboxDispatcher Dispatcher => _bot.Get<OutboxDispatcher>();

    private OutboxDelivery Delivery(string key) => _bot.Store.Set<OutboxDelivery>().Get($"fake|{key}")!;

    private static OutboxMessage Message(string key, string kind = "holiday", string? channel = null, string? directTo = null, string? updates = null) => new()
    {
        Id = key,
        Kind = kind,
        Channel = channel,
        DirectTo = directTo,
        Updates = updates,
        Reply = new Reply { Text = [key] },
    };

    [Fact]
    public async Task DispatchDue_PageQueuedBehindAnnouncementsToTheSameChannel_GoesFirstAndTheRestKeepTheirOrder()
    {
        Outbox.Enqueue(Message("a1"));
        Outbox.Enqueue(Message("a2"));
        Outbox.Enqueue(Message("p1", kind: Outbox.PageKind));
        Outbox.Enqueue(Message("a3"));

        Assert.Equal(4, await Dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(["p1", "a1", "a2", "a3"], _sink.Delivered);
        Assert.All(_bot.Store.Set<OutboxDelivery>().All(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task DispatchDue_OneLaneSlot_LaneWithAPageStartsFirst()
    {
        var dispatcher = new OutboxDispatcher(_bot.Store, [_sink], _bot.Time, maxLanes: 1);
        Outbox.Enqueue(Message("a1", channel: "C1"));
        Outbox.Enqueue(Message("p1", kind: Outbox.PageKind, directTo: "alex-chen"));

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["p1", "a1"], _sink.Delivered);
    }

    [Fact]
    public async Task DispatchDue_ChannelRateLimited_ParksTheWholeLaneAndOtherLanesSend()
    {
        _sink.Deliver = m => Task.FromResult<DeliveryOutcome>(m.Channel == "C1"
            ? new DeliveryOutcome.Retry(TimeSpan.FromSeconds(20), "ratelimited")
            : new DeliveryOutcome.Sent("ref"));
        Outbox.Enqueue(Message("c1", channel: "C1"));
        Outbox.Enqueue(Message("c2", channel: "C1"));
        Outbox.Enqueue(Message("dm", kind: Outbox.PageKind, directTo: "alex-chen"));

        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["c1", "dm"], _sink.Delivered.Order());
        Assert.Equal(DeliveryStatus.Sent, Delivery("dm").Status);
        Assert.Equal((DeliveryStatus.Pending, Now.AddSeconds(20), "ratelimited"), (Delivery("c1").Status, Delivery("c1").NextAttemptAt, Delivery("c1").LastError));
        Assert.Equal(Now.AddSeconds(20), Delivery("c2").NextAttemptAt);

        _bot.Time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, await Dispatcher.DispatchDueAsync(CancellationToken.None));
        _sink.Deliver = m => Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Sent("ref"));
        _bot.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(["c1", "c1", "c2"], _sink.Delivered.Where(k => k.StartsWith('c')));
    }

    [Fact]
    public async Task DispatchDue_PlatformKeepsFailing_APageIsRetriedWithinItsCapWhileAnAnnouncementBacksOffFurther()
    {
        _sink.Deliver = _ => Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Retry(TimeSpan.Zero, "http_500"));
        Outbox.Enqueue(Message("p1", kind: Outbox.PageKind, directTo: "alex-chen"));
        Outbox.Enqueue(Message("a1", channel: "C1"));

        for (var attempt = 0; attempt < 30 && Delivery("a1").NextAttemptAt - _bot.Time.GetUtcNow() <= OutboxLane.MaxPageBackoff * 2; attempt++)
        {
            await Dispatcher.DispatchDueAsync(CancellationToken.None);
            _bot.Time.SetUtcNow(new[] { Delivery("p1").NextAttemptAt, Delivery("a1").NextAttemptAt }.Min());
        }

        var page = Delivery("p1");
        var announcement = Delivery("a1");
        Assert.True(page.Attempts >= 6, $"the page was tried {page.Attempts} times");
        Assert.InRange(page.NextAttemptAt - _bot.Time.GetUtcNow(), TimeSpan.Zero, OutboxLane.MaxPageBackoff);
        Assert.True(announcement.NextAttemptAt - _bot.Time.GetUtcNow() > OutboxLane.MaxPageBackoff * 2);
    }

    [Fact]
    public async Task StartDueLanes_OneDestinationHangs_OtherLanesFinishMeanwhile()
    {
        var release = new TaskCompletionSource<DeliveryOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _sink.Deliver = m => m.Channel == "C1" ? release.Task : Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Sent("ref"));
        Outbox.Enqueue(Message("slow", channel: "C1"));
        Outbox.Enqueue(Message("dm", kind: Outbox.PageKind, directTo: "alex-chen"));
        Outbox.Enqueue(Message("team"));

        var lanes = Dispatcher.StartDueLanes(CancellationToken.None);

        Assert.Equal(3, lanes.Count);
        // The slow lane claims its lane and records Sending on its own schedule; the others finish while it hangs.
        Assert.True(await WaitUntilAsync(() => Delivery("slow").Status == DeliveryStatus.Sending && _sink.Calls.Contains("deliver:slow")));
        Assert.True(await WaitUntilAsync(() => Delivery("dm").Status == DeliveryStatus.Sent && Delivery("team").Status == DeliveryStatus.Sent));
        Assert.Equal(DeliveryStatus.Sending, Delivery("slow").Status);
        release.SetResult(new DeliveryOutcome.Sent("ref"));
        await Task.WhenAll(lanes);
        Assert.Equal(DeliveryStatus.Sent, Delivery("slow").Status);
    }

    [Fact]
    public async Task DispatchDue_SendingIsCommittedBeforeThePlatformIsCalled()
    {
        DeliveryStatus? seen = null;
        _sink.Deliver = m =>
        {
            seen = Delivery(m.Id).Status;
            return Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Sent("ref"));
        };
        Outbox.Enqueue(Message("handoff-reminder:2026-11-27"));

        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sending, seen);
        Assert.Equal(Now, Delivery("handoff-reminder:2026-11-27").SendingSince);
    }

    [Fact]
    public async Task DispatchDue_UncertainOutcome_ReconcilesBeforeSendingAgain()
    {
        _sink.Deliver = _ => Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Uncertain(TimeSpan.Zero, "timeout"));
        Outbox.Enqueue(Message("shift-start:2026-11-27"));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal((DeliveryStatus.Sending, "timeout"), (Delivery("shift-start:2026-11-27").Status, Delivery("shift-start:2026-11-27").LastError));

        _sink.Reconcile = _ => Task.FromResult<Reconciliation>(new Reconciliation.Landed("C0TEAM:1.2"));
        _bot.Time.Advance(TimeSpan.FromSeconds(5));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["deliver:shift-start:2026-11-27", "reconcile:shift-start:2026-11-27"], _sink.Calls);
        var delivery = Delivery("shift-start:2026-11-27");
        Assert.Equal((DeliveryStatus.Sent, "C0TEAM:1.2", 1), (delivery.Status, delivery.PlatformRef, delivery.Attempts));
    }

    [Fact]
    public async Task DispatchDue_SendingAndNotLanded_SendsOnceKeepingTheFirstAttemptTime()
    {
        _sink.Deliver = _ => Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Uncertain(TimeSpan.Zero, "http_500"));
        Outbox.Enqueue(Message("holiday:2026-12-25"));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        _sink.Deliver = _ => Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Sent("ref"));
        _bot.Time.Advance(TimeSpan.FromSeconds(5));

        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["deliver:holiday:2026-12-25", "reconcile:holiday:2026-12-25", "deliver:holiday:2026-12-25"], _sink.Calls);
        Assert.Equal((DeliveryStatus.Sent, Now), (Delivery("holiday:2026-12-25").Status, Delivery("holiday:2026-12-25").SendingSince));
    }

    [Fact]
    public async Task DispatchDue_UpdateOfAMessageStillPendingElsewhere_WaitsForIt()
    {
        _sink.Deliver = m => Task.FromResult<DeliveryOutcome>(m.Id == "original"
            ? new DeliveryOutcome.Retry(TimeSpan.FromSeconds(30), "ratelimited")
            : new DeliveryOutcome.Sent("ref"));
        Outbox.Enqueue(Message("original", channel: "C1"));
        Outbox.Enqueue(Message("update", updates: "original"));

        await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["original"], _sink.Delivered);
        Assert.Equal(DeliveryStatus.Pending, Delivery("update").Status);
    }

    [Fact]
    public void PrepareStore_LiteDbFileWithAClaimFromAnEarlierRun_DropsItSoTheLaneNeedNotWaitForTheLease()
    {
        var path = Path.Combine(Path.GetTempPath(), $"oncall-claims-{Guid.NewGuid():N}.db");
        try
        {
            using (var first = TestBot.Create(Now, new Dictionary<string, string?> { ["Store:Path"] = path }))
            {
                first.Store.Write(tx => tx.Set<OutboxLaneClaim>().Upsert(new OutboxLaneClaim { Id = "fake|channel:", Owner = "killed", Until = Now.AddHours(1) }));
            }

            using var restarted = TestBot.Create(Now, new Dictionary<string, string?> { ["Store:Path"] = path });

            Assert.Empty(restarted.Store.Set<OutboxLaneClaim>().All());
        }
        finally
        {
            File.Delete(path);
            File.Delete(Path.ChangeExtension(path, null) + "-log.db");
        }
    }

    /// <summary>Polls <paramref name="condition"/> (up to 10 s): lanes run on the thread pool.</summary>
    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        return condition();
    }

    public void Dispose() => _bot.Dispose();
}
