using System.Collections.Concurrent;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Inbound;

/// <summary>
/// Starts due inbound work on its processor and marks it done only when the processor returns; a failed attempt
/// is retried later, and work a stopped or crashed process held is taken up again when its lease ends.
/// </summary>
/// <remarks>
/// Each start is claimed in a unit of work (attempt counted, lease set, this process named), so replicas sharing a
/// store do not start the same work at once. Work claimed <see cref="MaxAttempts"/> times without finishing is
/// marked Failed, so a delivery that kills the process cannot loop forever.
/// </remarks>
public sealed class InboundWorkRunner(IOnCallStore store, IEnumerable<IInboundWorkProcessor> processors, TimeProvider time)
{
    /// <summary>How long a started attempt holds its work before another process may take it up.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>How many times work is started before it is given up as Failed.</summary>
    public const int MaxAttempts = 4;

    private const int MaxRunning = 32;
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    private readonly Dictionary<string, IInboundWorkProcessor> _processors = processors.ToDictionary(p => p.Kind, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly Lock _starting = new();

    /// <summary>Raised after each attempt, with the work as stored afterwards and the exception that failed it (null: done).</summary>
    public event Action<InboundWork, Exception?>? AttemptFinished;

    /// <summary>This process's name in <see cref="InboundWork.ClaimedBy"/>.</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Starts every due piece of work not already running here, without waiting for it.</summary>
    public IReadOnlyList<Task> StartDue(CancellationToken cancellationToken)
    {
        lock (_starting)
        {
            var now = time.GetUtcNow();
            var candidates = store.Set<InboundWork>()
                .Find(w => w.State == InboundWorkState.Pending && w.NextAttemptAt <= now, w => w.NextAttemptAt, limit: MaxRunning)
                .Where(w => _processors.ContainsKey(w.Kind) && !_running.ContainsKey(w.Id))
                .Take(Math.Max(0, MaxRunning - _running.Count))
                .Select(w => w.Id)
                .ToList();
            if (candidates.Count == 0)
            {
                return [];
            }

            var claimed = store.Write(tx => Claim(tx.Set<InboundWork>(), candidates, now));
            var started = new List<Task>();
            foreach (var work in claimed)
            {
                var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var task = RunAsync(work, gate.Task, cancellationToken);
                _running[work.Id] = task;
                gate.SetResult();
                started.Add(task);
            }

            return started;
        }
    }

    /// <summary>Waits for the attempts running in this process (tests, and shutdown).</summary>
    public Task WaitForRunningAsync() => Task.WhenAll(_running.Values);

    private List<InboundWork> Claim(IRepository<InboundWork> set, List<string> ids, DateTimeOffset now)
    {
        var claimed = new List<InboundWork>();
        foreach (var id in ids)
        {
            if (set.Get(id) is not { State: InboundWorkState.Pending } current || current.NextAttemptAt > now)
            {
                continue;
            }

            if (current.Attempts >= MaxAttempts)
            {
                set.Upsert(current with
                {
                    State = InboundWorkState.Failed,
                    FinishedAt = now,
                    LastError = current.LastError ?? $"given up after {current.Attempts} attempts that never finished (the process stopped each time)",
                });
                continue;
            }

            var mine = current with { Attempts = current.Attempts + 1, NextAttemptAt = now + Lease, ClaimedBy = Instance };
            set.Upsert(mine);
            claimed.Add(mine);
        }

        return claimed;
    }

    private async Task RunAsync(InboundWork work, Task gate, CancellationToken cancellationToken)
    {
        await gate;
        try
        {
            Exception? error = null;
            try
            {
                await Task.Yield();
                await _processors[work.Kind].ProcessAsync(work, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: the work stays Pending and is taken up again when its lease ends.
                return;
            }
            catch (Exception ex)
            {
                error = ex;
            }

            var after = Record(work, error);
            AttemptFinished?.Invoke(after, error);
        }
        finally
        {
            _running.TryRemove(work.Id, out _);
        }
    }

    private InboundWork Record(InboundWork work, Exception? error)
    {
        var now = time.GetUtcNow();
        return store.Write(tx =>
        {
            var set = tx.Set<InboundWork>();
            if (set.Get(work.Id) is not { State: InboundWorkState.Pending } current)
            {
                return work;
            }

            var next = error switch
            {
                null => current with { State = InboundWorkState.Done, FinishedAt = now, LastError = null },
                _ when current.Attempts >= MaxAttempts => current with { State = InboundWorkState.Failed, FinishedAt = now, LastError = Describe(error) },
                _ => current with { NextAttemptAt = now + RetryDelays[Math.Clamp(current.Attempts - 1, 0, RetryDelays.Length - 1)], LastError = Describe(error) },
            };
            set.Upsert(next);
            return next;
        });
    }

    private static string Describe(Exception error) => $"{error.GetType().Name}: {error.Message}";
}
