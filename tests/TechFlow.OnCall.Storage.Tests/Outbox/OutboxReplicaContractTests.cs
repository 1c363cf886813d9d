using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage.Tests.Outbox;

/// <summary>
/// Two outbox dispatchers (two replicas) sharing one store, run against each provider: on PostgreSQL each has its own
/// store instance on one database; on LiteDB, which one process owns, both share the one store.
/// </summary>
public abstract class OutboxReplicaContractTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero));
    private readonly ChatPlatformFake _platform = new();
    private (IOnCallStore A, IOnCallStore B)? _stores;

    /// <summary>Two stores on the same data (or the same store twice where only one process may open it).</summary>
    protected abstract (IOnCallStore A, IOnCallStore B) CreateStores();

    private (IOnCallStore A, IOnCallStore B) Stores => _stores ??= CreateStores();

    public virtual void Dispose()
    {
        if (_stores is var (a, b))
        {
            (b as IDisposable)?.Dispose();
            if (!ReferenceEquals(a, b))
            {
                (a as IDisposable)?.Dispose();
            }
        }

        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task DispatchDue_TwoReplicasRacingOverFourChannels_SendEachMessageOnceInChannelOrder()
    {
        var outbox = new Core.Announcements.Outbox(Stores.A, [_platform.SinkFor()], _time);
        var channels = new[] { "C1", "C2", "C3", "C4" };
        for (var i = 0; i < 40; i++)
        {
            outbox.Enqueue(Message($"m{i:D2}", channels[i % channels.Length]));
        }

        var a = Dispatcher(Stores.A, _platform.SinkFor());
        var b = Dispatcher(Stores.B, _platform.SinkFor());
        for (var round = 0; round < 20 && Open(Stores.B) > 0; round++)
        {
            await Task.WhenAll(Task.Run(() => a.DispatchDueAsync(CancellationToken.None)), Task.Run(() => b.DispatchDueAsync(CancellationToken.None)));
        }

        Assert.Equal(40, _platform.Posts.Count);
        Assert.Equal(40, _platform.Posts.Select(p => p.Key).Distinct().Count());
        foreach (var channel in channels)
        {
            var posted = _platform.PostsTo(channel);
            Assert.Equal(posted.Order(StringComparer.Ordinal), posted);
        }

        Assert.Empty(Stores.A.Set<OutboxLaneClaim>().All());
    }

    [SkippableFact]
    public async Task DispatchDue_ReplicaDiedBeforeItsPostLanded_AnotherSendsItOnceTheLeaseRunsOut()
    {
        var hung = new TaskCompletionSource<DeliveryOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Core.Announcements.Outbox(Stores.A, [_platform.SinkFor()], _time).Enqueue(Message("page:1", "C1"));
        var dead = Dispatcher(Stores.A, _platform.SinkFor(_ => hung.Task));
        var survivor = Dispatcher(Stores.B, _platform.SinkFor());
        var deadLane = Assert.Single(dead.StartDueLanes(CancellationToken.None));
        await WaitUntilAsync(() => Stores.B.Set<OutboxDelivery>().Get("fake|page:1")!.Status == DeliveryStatus.Sending);

        var whileLeased = await survivor.DispatchDueAsync(CancellationToken.None);
        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        var afterLease = await survivor.DispatchDueAsync(CancellationToken.None);
        // The dead replica's call "returns" late (a paused process): its outcome must not overwrite the survivor's.
        hung.SetResult(new DeliveryOutcome.Uncertain(TimeSpan.Zero, "timed out"));
        await deadLane;

        Assert.Equal((0, 1), (whileLeased, afterLease));
        Assert.Equal([("C1", "page:1")], _platform.Posts);
        var delivery = Stores.A.Set<OutboxDelivery>().Get("fake|page:1")!;
        Assert.Equal((DeliveryStatus.Sent, "ref:page:1", 2), (delivery.Status, delivery.PlatformRef, delivery.Attempts));
    }

    [SkippableFact]
    public async Task DispatchDue_ReplicaDiedAfterItsPostLanded_AnotherReconcilesAndNeverSendsItAgain()
    {
        new Core.Announcements.Outbox(Stores.A, [_platform.SinkFor()], _time).Enqueue(Message("handoff-reminder:2026-11-27", "C1"));
        var hung = new TaskCompletionSource<DeliveryOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dead = Dispatcher(Stores.A, _platform.SinkFor(m =>
        {
            _platform.Post(m);
            return hung.Task;
        }));
        var survivorSink = _platform.SinkFor();
        var survivor = Dispatcher(Stores.B, survivorSink);
        _ = dead.StartDueLanes(CancellationToken.None);
        await WaitUntilAsync(() => _platform.Posts.Count == 1);

        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        await survivor.DispatchDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await survivor.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(0, survivorSink.Calls);
        Assert.Single(_platform.Posts);
        Assert.Equal(DeliveryStatus.Sent, Stores.B.Set<OutboxDelivery>().Get("fake|handoff-reminder:2026-11-27")!.Status);
        hung.SetResult(new DeliveryOutcome.Sent("late"));
    }

    [SkippableFact]
    public async Task DispatchDue_LaneClaimedByALiveReplica_OthersLeaveItAndSendTheirOwnLanes()
    {
        var outbox = new Core.Announcements.Outbox(Stores.A, [_platform.SinkFor()], _time);
        outbox.Enqueue(Message("slow-1", "C1"));
        outbox.Enqueue(Message("slow-2", "C1"));
        outbox.Enqueue(Message("other", "C2"));
        var release = new TaskCompletionSource<DeliveryOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = Dispatcher(Stores.A, _platform.SinkFor(m =>
        {
            if (m.Channel != "C1")
            {
                return release.Task;
            }

            _platform.Post(m);
            return m.Id == "slow-1" ? release.Task.ContinueWith(_ => (DeliveryOutcome)new DeliveryOutcome.Sent("ref:slow-1"), TaskScheduler.Default) : Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Sent("ref:" + m.Id));
        }), maxLanes: 1);
        var other = Dispatcher(Stores.B, _platform.SinkFor());
        var lane = Assert.Single(slow.StartDueLanes(CancellationToken.None));
        await WaitUntilAsync(() => _platform.Posts.Count == 1);

        var sentMeanwhile = await other.DispatchDueAsync(CancellationToken.None);
        release.SetResult(new DeliveryOutcome.Sent("unused"));
        var sentBySlow = await lane;

        Assert.Equal((1, 2), (sentMeanwhile, sentBySlow));
        Assert.Equal(["slow-1", "slow-2"], _platform.PostsTo("C1"));
        Assert.Equal(["other"], _platform.PostsTo("C2"));
    }

    private OutboxDispatcher Dispatcher(IOnCallStore store, IChatDelivery sink, int maxLanes = OutboxDispatcher.DefaultMaxLanes) =>
        new(store, [sink], _time, maxLanes, new OutboxOptions { LeaseDuration = Lease });

    private static int Open(IOnCallStore store) => store.Set<OutboxDelivery>().Find(d => d.Status != DeliveryStatus.Sent).Count;

    private static OutboxMessage Message(string key, string channel) => new()
    {
        Id = key,
        Kind = key.StartsWith("page", StringComparison.Ordinal) ? Core.Announcements.Outbox.PageKind : "holiday",
        Channel = channel,
        Reply = new Reply { Text = [key] },
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "timed out waiting");
    }
}
