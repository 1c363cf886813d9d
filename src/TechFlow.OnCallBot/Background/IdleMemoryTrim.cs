using Microsoft.Extensions.Options;

namespace TechFlow.OnCallBot.Background;

/// <summary>Configuration section <c>Memory</c>: when the bot gives memory back to the operating system.</summary>
public sealed class MemoryTrimOptions
{
    public const string Section = "Memory";

    /// <summary>How often to look whether the process has gone quiet; zero turns trimming off.</summary>
    public TimeSpan TrimCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How much must have been allocated since the last trim for another to be worth it.</summary>
    public long TrimAfterAllocatedBytes { get; set; } = 4L << 20;

    /// <summary>At most this much allocated during one interval counts as quiet.</summary>
    public long QuietAllocatedBytes { get; set; } = 256L << 10;
}

/// <summary>
/// Gives memory back once the process goes quiet. Start-up (seeding, planning, the first answers) and every burst of
/// requests leave the garbage collector holding far more than the bot keeps alive, and a quiet workstation GC does not
/// hand it back on its own. When at least <see cref="MemoryTrimOptions.TrimAfterAllocatedBytes"/> was allocated since
/// the last trim and an interval passed with almost no allocation, one aggressive, compacting collection runs (a few
/// milliseconds on an idle process). Under load the process is never quiet, so requests never wait for it.
/// </summary>
public sealed class IdleMemoryTrim : BackgroundService
{
    private readonly TimeProvider _time;
    private readonly MemoryTrimOptions _options;
    private readonly Func<long> _allocated;
    private readonly Action _collect;
    private long _atLastTick;
    private long _atLastTrim;

    public IdleMemoryTrim(TimeProvider time, IOptions<MemoryTrimOptions> options)
        : this(time, options.Value, () => GC.GetTotalAllocatedBytes(), CollectAggressively)
    {
    }

    internal IdleMemoryTrim(TimeProvider time, MemoryTrimOptions options, Func<long> allocated, Action collect)
    {
        _time = time;
        _options = options;
        _allocated = allocated;
        _collect = collect;
        _atLastTick = allocated();
    }

    /// <summary>One look: trims when enough was allocated since the last trim and the last interval was quiet.</summary>
    internal bool Tick()
    {
        var now = _allocated();
        var quiet = now - _atLastTick <= _options.QuietAllocatedBytes;
        _atLastTick = now;
        if (!quiet || now - _atLastTrim < _options.TrimAfterAllocatedBytes)
        {
            return false;
        }

        _collect();
        _atLastTrim = _atLastTick = _allocated();
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.TrimCheckInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.TrimCheckInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Tick();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static void CollectAggressively() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
