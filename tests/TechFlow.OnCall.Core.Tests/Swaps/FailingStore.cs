using System.Linq.Expressions;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Tests.Swaps;

/// <summary>
/// A store whose units of work fail when they insert a record of type <typeparamref name="TFail"/> (once armed): to
/// prove that a unit of work that dies half way stores nothing.
/// </summary>
internal sealed class FailingStore<TFail>(IOnCallStore inner) : IOnCallStore where TFail : class
{
    public bool Armed { get; set; }

    public event Action<StoreCommit>? Committed
    {
        add => inner.Committed += value;
        remove => inner.Committed -= value;
    }

    public bool InUnitOfWork => inner.InUnitOfWork;

    public bool SeesEveryCommit => inner.SeesEveryCommit;

    public long? CommitVersion(IReadOnlyCollection<Type> types) => inner.CommitVersion(types);

    public IRepository<T> Set<T>() where T : class => inner.Set<T>();

    public T Write<T>(Func<IStoreTransaction, T> work) => inner.Write(tx => work(new Transaction(tx, this)));

    private sealed class Transaction(IStoreTransaction tx, FailingStore<TFail> owner) : IStoreTransaction
    {
        public IRepository<T> Set<T>() where T : class =>
            owner.Armed && typeof(T) == typeof(TFail) ? new Failing<T>(tx.Set<T>()) : tx.Set<T>();
    }

    private sealed class Failing<T>(IRepository<T> inner) : IRepository<T> where T : class
    {
        public T? Get(string id) => inner.Get(id);

        public IReadOnlyList<T> All() => inner.All();

        public IReadOnlyList<T> Find(Expression<Func<T, bool>> predicate) => inner.Find(predicate);

        public IReadOnlyList<T> Find<TKey>(Expression<Func<T, bool>> predicate, Expression<Func<T, TKey>> orderBy, bool descending = false, int limit = int.MaxValue) =>
            inner.Find(predicate, orderBy, descending, limit);

        public bool Exists(Expression<Func<T, bool>> predicate) => inner.Exists(predicate);

        public int Count() => inner.Count();

        public bool TryInsert(T item) => throw new IOException($"disk full while inserting a {typeof(T).Name}");

        public void Upsert(T item) => throw new IOException($"disk full while writing a {typeof(T).Name}");

        public bool Delete(string id) => inner.Delete(id);

        public int DeleteMany(Expression<Func<T, bool>> predicate) => inner.DeleteMany(predicate);

        public void EnsureIndex<TKey>(Expression<Func<T, TKey>> key, bool unique = false) => inner.EnsureIndex(key, unique);
    }
}
