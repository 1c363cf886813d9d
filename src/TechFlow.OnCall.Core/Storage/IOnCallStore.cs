using System.Linq.Expressions;

namespace TechFlow.OnCall.Core.Storage;

/// <summary>Typed collections of records: what a reader, and a unit of work, sees of the store.</summary>
public interface IStoreSets
{
    /// <summary>The collection that holds records of type <typeparamref name="T"/>.</summary>
    IRepository<T> Set<T>() where T : class;
}

/// <summary>
/// One unit of work, handed to the work passed to <see cref="IOnCallStore.Write{T}"/>. It has no <c>Write</c> of
/// its own, so a unit of work cannot start another; it is valid only while that work runs.
/// </summary>
public interface IStoreTransaction : IStoreSets;

/// <summary>
/// The port every use case stores through: one typed collection per record type, and one serialised
/// unit of work for changes that must land together.
/// </summary>
/// <remarks>
/// Reads may run concurrently. <see cref="Write{T}"/> runs its work under a store-wide lock inside one
/// transaction: either every change in it is committed or none is, and two writers never interleave,
/// so a check-then-act inside it (for example "is this request still open?") is race-free. Calling
/// <see cref="Write{T}"/> again from inside a unit of work throws <see cref="InvalidOperationException"/>.
/// </remarks>
public interface IOnCallStore : IStoreSets
{
    /// <summary>Runs <paramref name="work"/> atomically and serialised with every other write.</summary>
    T Write<T>(Func<IStoreTransaction, T> work);

    /// <summary>Runs <paramref name="work"/> atomically and serialised with every other write.</summary>
    void Write(Action<IStoreTransaction> work) => Write(s => { work(s); return true; });

    /// <summary>
    /// Whether this thread is inside a unit of work, where reads through <see cref="IStoreSets.Set{T}"/> see its own
    /// uncommitted changes. In-memory read models are bypassed there.
    /// </summary>
    bool InUnitOfWork => false;

    /// <summary>
    /// Whether <see cref="Committed"/> is raised for every commit that changes this store, so an in-memory copy can be
    /// kept exact (one process owning a LiteDB file). False where commits can go unseen for a while, such as another
    /// replica's commit while this one's PostgreSQL listener is cut off; in-memory read models are bypassed then.
    /// </summary>
    bool SeesEveryCommit => false;

    /// <summary>
    /// A number, read from what is committed now, that grows with every committed unit of work that changed records of
    /// any of <paramref name="types"/>; null where the store keeps none. Unlike <see cref="Committed"/> it cannot be
    /// missed, so an in-memory copy stamped with it is current while it is unchanged, even on a store that does not
    /// see every commit. Throws <see cref="StoreUnavailableException"/> when the store cannot be reached.
    /// </summary>
    long? CommitVersion(IReadOnlyCollection<Type> types) => null;

    /// <summary>
    /// Raised after a unit of work that changed something commits (never after a rollback), with the record types it
    /// changed. Handlers run on the committing thread after the lock is released: keep them short (wake a worker).
    /// </summary>
    event Action<StoreCommit>? Committed;
}

/// <summary>What one committed unit of work changed.</summary>
/// <param name="Changed">The record types inserted, updated or deleted.</param>
public sealed record StoreCommit(IReadOnlySet<Type> Changed)
{
    /// <summary>Whether records of type <typeparamref name="T"/> changed.</summary>
    public bool Touches<T>() => Changed.Contains(typeof(T));
}

/// <summary>A typed collection of records keyed by their <c>Id</c> property.</summary>
public interface IRepository<T> where T : class
{
    T? Get(string id);
    IReadOnlyList<T> All();
    IReadOnlyList<T> Find(Expression<Func<T, bool>> predicate);
    /// <summary>Records matching <paramref name="predicate"/>, ordered by <paramref name="orderBy"/>, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<T> Find<TKey>(Expression<Func<T, bool>> predicate, Expression<Func<T, TKey>> orderBy, bool descending = false, int limit = int.MaxValue);
    bool Exists(Expression<Func<T, bool>> predicate);
    int Count();
    /// <summary>Inserts a new record; returns false, changing nothing, when one with the same id exists.</summary>
    bool TryInsert(T item);
    void Upsert(T item);
    bool Delete(string id);
    int DeleteMany(Expression<Func<T, bool>> predicate);
    void EnsureIndex<TKey>(Expression<Func<T, TKey>> key, bool unique = false);
}

/// <summary>Prepares a room's collections (indexes) when the store opens.</summary>
public interface IStoreInitializer
{
    void Initialize(IOnCallStore store);
}
