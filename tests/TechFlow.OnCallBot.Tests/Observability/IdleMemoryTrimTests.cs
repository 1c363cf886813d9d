using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCallBot.Background;

namespace TechFlow.OnCallBot.Tests.Observability;

public sealed class IdleMemoryTrimTests
{
    private static readonly MemoryTrimOptions Options = new()
    {
        TrimCheckInterval = TimeSpan.FromSeconds(2),
        TrimAfterAllocatedBytes = 4_000_000,
        QuietAllocatedBytes = 100_000,
    };

    private long _allocated = 1_000;
    private int _collections;

    private IdleMemoryTrim Trim(MemoryTrimOptions? options = null) =>
        new(new FakeTimeProvider(), options ?? Options, () => _allocated, () => _collections++);

    [Fact]
    public void Tick_BusyInterval_DoesNotTrim()
    {
        var trim = Trim();
        _allocated += 10_000_000;

        Assert.False(trim.Tick());
        Assert.Equal(0, _collections);
    }

    [Fact]
    public void Tick_QuietAfterEnoughWasAllocated_TrimsOnce()
    {
        var trim = Trim();
        _allocated += 10_000_000;
        trim.Tick();

        Assert.True(trim.Tick());
        Assert.False(trim.Tick());
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void Tick_QuietButLittleAllocatedSinceTheLastTrim_DoesNotTrim()
    {
        var trim = Trim();
        _allocated += 10_000_000;
        trim.Tick();
        trim.Tick();
        _allocated += 50_000;

        Assert.False(trim.Tick());
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void Tick_QuietStartAfterStartUpAllocations_Trims()
    {
        _allocated = 30_000_000;

        Assert.True(Trim().Tick());
    }

    [Fact]
    public async Task Run_QuietAfterStartUp_TrimsOnceNotAgain()
    {
        var time = new FakeTimeProvider();
        _allocated = 30_000_000;
        using var trim = new IdleMemoryTrim(time, Options, () => _allocated, () => _collections++);
        await trim.StartAsync(CancellationToken.None);

        // ExecuteAsync starts on the thread pool: advance until its timer has ticked.
        for (var i = 0; i < 200 && _collections == 0; i++)
        {
            time.Advance(Options.TrimCheckInterval);
            await Task.Delay(10);
        }

        time.Advance(Options.TrimCheckInterval);
        await Task.Delay(20);
        await trim.StopAsync(CancellationToken.None);
        Assert.Equal(1, _collections);
    }

    [Fact]
    public async Task Run_ZeroInterval_NeverTrims()
    {
        var time = new FakeTimeProvider();
        _allocated = 30_000_000;
        using var trim = new IdleMemoryTrim(time, new MemoryTrimOptions { TrimCheckInterval = TimeSpan.Zero }, () => _allocated, () => _collections++);
        await trim.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(1));
        await trim.StopAsync(CancellationToken.None);

        Assert.Equal(0, _collections);
    }
}
