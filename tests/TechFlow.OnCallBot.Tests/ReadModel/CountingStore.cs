using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Tests.ReadModel;

/// <summary>A store that counts reads made outside a unit of work (collections handed out by <see cref="Set{T}"/>).</summary>
internal sealed class CountingStore(IOnCallStore inner) : IOnCallStore
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public bool InUnitOfWork => inner.InUnitOfWork;

    public bool SeesEveryCommit => inner.SeesEveryCommit;

    public long? CommitVersion(IReadOnlyCollection<Type> types) => inner.CommitVersion(types);

    public event Action<StoreCommit>? Committed
    {
        add => inner.Committed += value;
        remove => inner.Committed -= value;
    }

    public IRepository<T> Set<T>() where T : class
    {
        Interlocked.Increment(ref _reads);
        return inner.Set<T>();
    }

    public T Write<T>(Func<IStoreTransaction, T> work) => inner.Write(work);
}
