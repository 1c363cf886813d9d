using System.Collections.Concurrent;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>
/// Sends due outbox deliveries through their sinks. Each destination is a lane: one worker per lane sends its
/// messages one at a time in order, and lanes run side by side (up to <c>maxLanes</c>), page notifications first,
/// so a slow or rate-limited destination never holds up another.
/// </summary>
/// <remarks>
/// Every attempt is recorded as Sending in its own committed unit of work before the platform is called, and its
/// outcome after; a delivery found in Sending (a crash or an unanswered call) is reconciled with the platform
/// before anything is sent again (<see cref="IChatDelivery.ReconcileAsync"/>). One dispatcher per process; replicas
/// on one store each run theirs, and a lane is sent by whichever claims it (<see cref="OutboxLaneClaim"/>, a lease of
/// <see cref="OutboxOptions.LeaseDuration"/> renewed at every step), so its order holds across replicas.
/// </remarks>
public sealed class OutboxDispatcher(IOnCallStore store, IEnumerable<IChatDelivery> sinks, TimeProvider time, int maxLanes = OutboxDispatcher.DefaultMaxLanes, OutboxOptions? options = null)
{
    /// <summary>How many lanes send at the same time by default.</summary>
    public const int DefaultMaxLanes = 8;

    private readonly Dictionary<string, IChatDelivery> _sinks = sinks.ToDictionary(s => s.Name);
    private readonly ConcurrentDictionary<string, Task<int>> _running = new();
    private readonly Lock _starting = new();
    private readonly TimeSpan _lease = (options ?? new OutboxOptions()).LeaseDuration;

    /// <summary>This dispatcher's name in the lane claims it holds: host, process and a suffix of its own.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Raised when a lane's worker stops, with the exception that stopped it (null when it ran out of due work).</summary>
    public event Action<string, Exception?>? LaneStopped;

    /// <summary>How many lanes are sending right now.</summary>
    public int RunningLanes => _running.Count;

    /// <summary>
    /// Starts a worker for every lane with a due delivery and no worker yet (lanes whose next message is a page
    /// first) and returns without waiting for them. Each worker returns how many messages it sent.
    /// </summary>
    public IReadOnlyList<Task<int>> StartDueLanes(CancellationToken cancellationToken)
    {
        lock (_starting)
        {
            var now = time.GetUtcNow();
            var elsewhere = OutboxLaneLease.HeldByOthers(store, Owner, now);
            var ready = OutboxLane.Open(store).GroupBy(d => d.Lane)
                .Select(OutboxLane.Head)
                .Where(h => h.NextAttemptAt <= now && _sinks.ContainsKey(h.Sink) && !_running.ContainsKey(h.Lane) && !elsewhere.Contains(h.Lane))
                .OrderBy(h => h.Priority).ThenBy(h => h.Seq);
            var started = new List<Task<int>>();
            foreach (var head in ready)
            {
                if (_running.Count >= Math.Max(1, maxLanes))
                {
                    break;
                }

                var lane = new OutboxLane(head.Lane, store, _sinks, time, new OutboxLaneLease(head.Lane, Owner, _lease, store, time));
                var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var task = RunAsync(lane, gate.Task, cancellationToken);
                _running[head.Lane] = task;
                gate.SetResult();
                started.Add(task);
            }

            return started;
        }
    }

    /// <summary>Sends everything due now and waits for the lanes it started; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var sent = await Task.WhenAll(StartDueLanes(cancellationToken));
        return sent.Sum();
    }

    /// <summary>Waits for every running lane to stop (after cancellation, for a clean shutdown); never throws.</summary>
    public async Task WaitForLanesAsync() =>
        await ((Task)Task.WhenAll(_running.Values.ToArray())).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    /// <summary>The earliest instant an open (pending or sending) delivery is due, if any.</summary>
    public DateTimeOffset? NextDue() =>
        OutboxLane.Open(store).Select(d => (DateTimeOffset?)d.NextAttemptAt).Min();

    /// <summary>
    /// Drops every lane claim. Only for a store no other process can open (LiteDB holds a file lock): claims left by
    /// an earlier run of this process then need not wait for their leases to run out.
    /// </summary>
    public int ReleaseAllClaims() => store.Write(tx =>
    {
        var claims = tx.Set<OutboxLaneClaim>();
        var all = claims.All();
        foreach (var claim in all)
        {
            claims.Delete(claim.Id);
        }

        return all.Count;
    });

    private async Task<int> RunAsync(OutboxLane lane, Task registered, CancellationToken cancellationToken)
    {
        await registered;
        Exception? error = null;
        try
        {
            return await lane.DrainAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            error = ex;
            throw;
        }
        finally
        {
            _running.TryRemove(lane.Name, out _);
            LaneStopped?.Invoke(lane.Name, error);
        }
    }
}
