using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.ReadModel;

/// <summary>
/// The in-memory read model answers use instead of the store: a <see cref="ReadModelSnapshot"/> loaded on first use
/// (or at start through <see cref="Warm"/>) and replaced after every committed unit of work that changes a record type
/// it holds. Writes still go through <see cref="IOnCallStore.Write{T}"/>.
/// </summary>
/// <remarks>
/// <para>Each relevant commit counts up a generation before it loads anew, and a snapshot records the generation it
/// was loaded at; a snapshot whose generation is behind is never handed out, so once <c>Write</c> has returned, the
/// next answer on any thread sees the change (the reload runs on the committing thread, and a reader that arrives
/// first waits for it or loads itself).</para>
/// <para>A store that sees every commit (<see cref="IOnCallStore.SeesEveryCommit"/>: LiteDB, one process) is trusted
/// by generation alone. On PostgreSQL replicas another replica's commit can go unseen while the listener reconnects,
/// so a snapshot is also checked against the store's <see cref="IOnCallStore.CommitVersion"/> on every read; a store
/// with neither is read directly.</para>
/// <para>Inside a unit of work <see cref="TryCurrent"/> returns null: the caller reads the store, so the work sees
/// its own uncommitted changes as before, and nothing uncommitted ever reaches a snapshot.</para>
/// </remarks>
public sealed class OnCallReadModel : IDisposable
{
    /// <summary>The record types a snapshot holds; a commit touching any of them replaces it.</summary>
    public static readonly IReadOnlySet<Type> Types =
        new HashSet<Type>([typeof(Engineer), typeof(Stakeholder), typeof(Holiday), typeof(EscalationPolicy), .. ScheduleFacts.InputTypes]);

    private static readonly Type[] TypeList = [.. Types];

    private readonly IOnCallStore _store;
    private readonly TeamClock _clock;
    private readonly PipelineCatalog? _pipelines;
    private readonly Lock _loading = new();
    private volatile ReadModelSnapshot? _current;
    private long _generation;
    private long _answers;

    /// <param name="pipelines">The pipeline catalog (its own in-memory cache), dropped when pipelines change.</param>
    public OnCallReadModel(IOnCallStore store, TeamClock clock, PipelineCatalog? pipelines = null)
    {
        _store = store;
        _clock = clock;
        _pipelines = pipelines;
        _store.Committed += OnCommitted;
    }

    /// <summary>How many snapshots have been loaded (for tests and metrics).</summary>
    public int Loads { get; private set; }

    /// <summary>
    /// The current snapshot; null inside a unit of work on this thread, or on a store that may miss commits and keeps
    /// no commit version: read the store there.
    /// </summary>
    /// <remarks>
    /// Where the store may miss commits (PostgreSQL replicas), a snapshot is handed out only while the store's commit
    /// version for <see cref="Types"/> is the one it was loaded at: one small read per answer instead of every record,
    /// and a replica cut off from the database still fails instead of answering from an old copy.
    /// </remarks>
    public ReadModelSnapshot? TryCurrent()
    {
        if (_store.InUnitOfWork)
        {
            return null;
        }

        long? storeVersion = null;
        if (!_store.SeesEveryCommit && (storeVersion = _store.CommitVersion(TypeList)) is null)
        {
            return null;
        }

        var snapshot = _current;
        return snapshot is not null && snapshot.Generation == Interlocked.Read(ref _generation) && snapshot.StoreVersion == storeVersion
            ? snapshot
            : Load(storeVersion);
    }

    /// <summary>
    /// A number that changes with every commit this process sees (of any record type), for memoising answers; null
    /// when answers must not be memoised (inside a unit of work, or on a store that may miss commits).
    /// </summary>
    /// <remarks>
    /// It is counted up last, after the snapshot and the pipeline catalog have been refreshed for the commit, so a value
    /// read before an answer is computed never labels data older than itself, and once <c>Write</c> has returned the
    /// next reader gets a new value.
    /// </remarks>
    public long? AnswerGeneration() =>
        _store.InUnitOfWork || !_store.SeesEveryCommit ? null : Interlocked.Read(ref _answers);

    /// <summary>Loads the first snapshot now (at start, before the first request).</summary>
    public void Warm() => _ = TryCurrent();

    public void Dispose() => _store.Committed -= OnCommitted;

    private void OnCommitted(StoreCommit commit)
    {
        try
        {
            Refresh(commit);
        }
        finally
        {
            Interlocked.Increment(ref _answers);
        }
    }

    private void Refresh(StoreCommit commit)
    {
        if (commit.Touches<Pipeline>())
        {
            _pipelines?.Invalidate();
        }

        if (!commit.Changed.Overlaps(Types))
        {
            return;
        }

        Interlocked.Increment(ref _generation);
        if (_current is not null && _store.SeesEveryCommit)
        {
            // Reload here, on the committing thread, so the next answer finds it ready. When that fails (the store just
            // went away), the generation is already ahead, so the next reader loads it or meets the failure itself.
            // Not on PostgreSQL: there this may be the commit listener's thread, which must stay free to pass on the
            // next commit, and a reload is a round of queries; the next reader loads it instead.
            try
            {
                _ = TryCurrent();
            }
            catch (Exception ex) when (ex is StoreUnavailableException or ObjectDisposedException)
            {
            }
        }
    }

    private ReadModelSnapshot Load(long? storeVersion)
    {
        lock (_loading)
        {
            var generation = Interlocked.Read(ref _generation);
            var snapshot = _current;
            if (snapshot is not null && snapshot.Generation == generation && snapshot.StoreVersion == storeVersion)
            {
                return snapshot;
            }

            // Both versions were read before the data: a commit while loading makes this snapshot stale at once.
            snapshot = ReadModelSnapshot.Load(_store, _clock, generation, storeVersion);
            _current = snapshot;
            Loads++;
            return snapshot;
        }
    }
}
