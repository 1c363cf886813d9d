using System.Linq.Expressions;

namespace TechFlow.OnCall.Core.Storage;

/// <summary>
/// The port every use case stores through: one typed collection per record type, and one serialised
/// unit of work for changes that must land together.
/// </summary>
/// <remarks>
/// Reads may run concurrently. <see cref="Write{T}"/> runs its work under a store-wide lock inside one
/// transaction: either every change in it is committed or none is, and two writers never interleave,
/// so a check-then-act inside it (for example "is this request still open?") is race-free.
/// </remarks>
public interface IOnCallStore
{
    /// <summary>The collection that holds records of type <typeparamref name="T"/>.</summary>
    IRepository<T> Set<T>() where T : class;

    /// <summary>Runs <paramref name="work"/> atomically and serialised with every other write.</summary>
    T Write<T>(Func<IOnCallStore, T> work);

    /// <summary>Runs <paramref name="work"/> atomically and serialised with every other write.</summary>
    void Write(Action<IOnCallStore> work) => Write(s => { work(s); return true; });
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
