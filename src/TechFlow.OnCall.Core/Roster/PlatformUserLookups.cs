using System.Collections.Concurrent;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Roster;

/// <summary>
/// Looks up chat users who are not yet linked to the roster (Slack <c>users.info</c>, a Teams member) once at a
/// time per user: concurrent callers await the same lookup, and a user found not to be on the roster is remembered
/// for <see cref="MissKeep"/>, so a guest does not cost a platform call per message.
/// </summary>
/// <remarks>
/// Thread-safe. A found engineer is not kept here (the caller stores the link on the roster); a lookup that failed
/// for a passing reason (rate limit, outage) or threw is forgotten at once, so the next message tries again.
/// Remembered misses are dropped whenever the roster changes, since the change may put the user on it.
/// </remarks>
public sealed class PlatformUserLookups
{
    private readonly TimeProvider _time;

    public PlatformUserLookups(TimeProvider time, IOnCallStore store)
    {
        _time = time;
        store.Committed += commit =>
        {
            if (commit.Touches<Engineer>())
            {
                ForgetMisses();
            }
        };
    }

    /// <summary>How long "not on the roster" is remembered.</summary>
    public static readonly TimeSpan MissKeep = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _started;

    /// <summary>How many lookups were started (tests).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>
    /// The engineer <paramref name="lookup"/> finds for <paramref name="key"/>, sharing a lookup in flight or a
    /// remembered miss. <paramref name="lookup"/> says whether its answer is final (false: try again next time).
    /// </summary>
    public Task<Engineer?> GetAsync(string key, Func<Task<(Engineer? Engineer, bool Final)>> lookup, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = _entries.GetOrAdd(key, static (k, state) => new Entry(state.Owner, k, state.Lookup), (Owner: this, Lookup: lookup));
            if (entry.MissedAt is { } missed && _time.GetUtcNow() - missed >= MissKeep)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
                continue;
            }

            return entry.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Whether <paramref name="key"/> is a remembered miss that has not expired (asking again would call nothing).</summary>
    public bool IsRememberedMiss(string key) =>
        _entries.TryGetValue(key, out var entry) && entry.MissedAt is { } missed && _time.GetUtcNow() - missed < MissKeep;

    /// <summary>Drops every remembered miss (the roster changed).</summary>
    public void ForgetMisses()
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.MissedAt is not null)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
    }

    private async Task<Engineer?> RunAsync(string key, Entry entry, Func<Task<(Engineer? Engineer, bool Final)>> lookup)
    {
        Interlocked.Increment(ref _started);
        await Task.Yield();
        (Engineer? Engineer, bool Final) result;
        try
        {
            result = await lookup();
        }
        catch
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }

        if (result.Engineer is null && result.Final)
        {
            entry.MissedAt = _time.GetUtcNow();
        }
        else
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
        }

        return result.Engineer;
    }

    private sealed class Entry
    {
        private readonly Lazy<Task<Engineer?>> _task;

        public Entry(PlatformUserLookups owner, string key, Func<Task<(Engineer? Engineer, bool Final)>> lookup) =>
            _task = new(() => owner.RunAsync(key, this, lookup));

        public Task<Engineer?> Task => _task.Value;

        public DateTimeOffset? MissedAt { get; set; }
    }
}
