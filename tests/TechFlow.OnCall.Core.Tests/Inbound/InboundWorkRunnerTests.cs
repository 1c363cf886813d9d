using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Inbound;
using TechFlow.OnCall.Storage;

namespace TechFlow.OnCall.Core.Tests.Inbound;

public sealed class InboundWorkRunnerTests : IDisposable
{
    private readonly LiteDbStore _store = new(":memory:");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

    public void Dispose() => _store.Dispose();

    [Fact]
    public void TryAccept_SameIdTwice_SecondIsADuplicateAndChangesNothing()
    {
        var queue = new Inbox(_store, _time);

        Assert.True(queue.TryAccept("t:1", "t", "first"));
        Assert.False(queue.TryAccept("t:1", "t", "second"));

        Assert.Equal("first", Assert.Single(_store.Set<InboundWork>().All()).Payload);
    }

    [Fact]
    public async Task StartDue_ProcessorFinishes_MarkedDoneAndNotStartedAgain()
    {
        var processor = new Scripted(_ => Task.CompletedTask);
        var runner = new InboundWorkRunner(_store, [processor], _time);
        new Inbox(_store, _time).TryAccept("t:1", "t", "x");

        await Task.WhenAll(runner.StartDue(CancellationToken.None));
        await Task.WhenAll(runner.StartDue(CancellationToken.None));

        Assert.Equal(1, processor.Calls);
        var work = _store.Set<InboundWork>().Get("t:1")!;
        Assert.Equal((InboundWorkState.Done, 1), (work.State, work.Attempts));
    }

    [Fact]
    public async Task StartDue_ProcessorThrowsEveryTime_RetriedLaterThenFailedWithTheReason()
    {
        var processor = new Scripted(_ => throw new InvalidOperationException("channel_not_found"));
        var runner = new InboundWorkRunner(_store, [processor], _time);
        new Inbox(_store, _time).TryAccept("t:1", "t", "x");

        await Task.WhenAll(runner.StartDue(CancellationToken.None));
        Assert.Empty(runner.StartDue(CancellationToken.None));
        for (var i = 1; i < InboundWorkRunner.MaxAttempts; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(3));
            await Task.WhenAll(runner.StartDue(CancellationToken.None));
        }

        var work = _store.Set<InboundWork>().Get("t:1")!;
        Assert.Equal(InboundWorkRunner.MaxAttempts, processor.Calls);
        Assert.Equal(InboundWorkState.Failed, work.State);
        Assert.Contains("channel_not_found", work.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartDue_WorkLeftClaimedByAStoppedProcess_TakenUpOnlyAfterItsLease()
    {
        var stopping = new CancellationTokenSource();
        var crashed = new InboundWorkRunner(_store, [new Scripted(ct => Task.Delay(Timeout.Infinite, ct))], _time);
        new Inbox(_store, _time).TryAccept("t:1", "t", "x");
        var cut = crashed.StartDue(stopping.Token);
        await stopping.CancelAsync();
        await Task.WhenAll(cut);

        var processor = new Scripted(_ => Task.CompletedTask);
        var restarted = new InboundWorkRunner(_store, [processor], _time);
        Assert.Empty(restarted.StartDue(CancellationToken.None));
        _time.Advance(InboundWorkRunner.Lease);
        await Task.WhenAll(restarted.StartDue(CancellationToken.None));

        var work = _store.Set<InboundWork>().Get("t:1")!;
        Assert.Equal((InboundWorkState.Done, 2, 1), (work.State, work.Attempts, processor.Calls));
        Assert.Equal(restarted.Instance, work.ClaimedBy);
    }

    [Fact]
    public async Task StartDue_WorkThatNeverFinishesAcrossRestarts_GivenUpAsFailed()
    {
        new Inbox(_store, _time).TryAccept("t:1", "t", "x");
        for (var i = 0; i < InboundWorkRunner.MaxAttempts; i++)
        {
            using var stopping = new CancellationTokenSource();
            var tasks = new InboundWorkRunner(_store, [new Scripted(ct => Task.Delay(Timeout.Infinite, ct))], _time).StartDue(stopping.Token);
            await stopping.CancelAsync();
            await Task.WhenAll(tasks);
            _time.Advance(InboundWorkRunner.Lease);
        }

        Assert.Empty(new InboundWorkRunner(_store, [new Scripted(_ => Task.CompletedTask)], _time).StartDue(CancellationToken.None));
        Assert.Equal(InboundWorkState.Failed, _store.Set<InboundWork>().Get("t:1")!.State);
    }

    private sealed class Scripted(Func<CancellationToken, Task> act) : IInboundWorkProcessor
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public string Kind => "t";

        public Task ProcessAsync(InboundWork work, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return act(cancellationToken);
        }
    }
}
