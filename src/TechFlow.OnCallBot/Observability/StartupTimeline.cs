using System.Diagnostics;
using System.Runtime;
using System.Globalization;
using System.Text;

namespace TechFlow.OnCallBot.Observability;

/// <summary>
/// Start-up phases with their time since the process started and the methods JIT-compiled so far (count / total
/// compile ms): marked as start-up goes (a timestamp and two counters each), then written as one Debug line under
/// the <c>Startup</c> category once the first request has been answered.
/// Turn it on with <c>Logging:LogLevel:Startup=Debug</c>; docs/performance.md lists what each phase covers.
/// </summary>
public static class StartupTimeline
{
    private static readonly Lock Gate = new();
    private static readonly List<(string Phase, long Timestamp, long Jitted, TimeSpan JitTime)> Marks = [];
    private const int MaxMarks = 64;
    private static int _firstRequestSeen;

    /// <summary>Records that <paramref name="phase"/> has just finished.</summary>
    public static void Mark(string phase)
    {
        var now = Stopwatch.GetTimestamp();
        lock (Gate)
        {
            // Bounded: test processes build many hosts.
            if (Marks.Count >= MaxMarks)
            {
                return;
            }

            Marks.Add((phase, now, JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime()));
        }
    }

    /// <summary>Marks the first answered request and writes the timeline once; later calls do nothing.</summary>
    public static void FirstRequestAnswered(ILogger logger)
    {
        if (Interlocked.Exchange(ref _firstRequestSeen, 1) == 1)
        {
            return;
        }

        Mark("first request answered");
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Start-up timeline (ms since the process started): {Timeline}", Describe());
        }
    }

    /// <summary>Whether the first request has been answered (middleware stops checking after that).</summary>
    public static bool FirstRequestSeen => Volatile.Read(ref _firstRequestSeen) == 1;

    private static string Describe()
    {
        // Time zero is the process's start: the span to "main" is the runtime's own (host resolution, loading the
        // runtime and the assemblies up to Main).
        var now = Stopwatch.GetTimestamp();
        using var process = Process.GetCurrentProcess();
        var sinceProcessStart = TimeProvider.System.GetUtcNow().UtcDateTime - process.StartTime.ToUniversalTime();
        var origin = now - (long)(sinceProcessStart.TotalSeconds * Stopwatch.Frequency);
        var text = new StringBuilder();
        var previous = origin;
        lock (Gate)
        {
            foreach (var (phase, timestamp, jitted, jitTime) in Marks)
            {
                text.Append(CultureInfo.InvariantCulture, $"{(previous == origin ? "" : "; ")}{phase} {Ms(origin, timestamp)} (+{Ms(previous, timestamp)}, jit {jitted}/{jitTime.TotalMilliseconds:F0})");
                previous = timestamp;
            }
        }

        return text.ToString();
    }

    private static long Ms(long from, long to) => (to - from) * 1000 / Stopwatch.Frequency;
}
