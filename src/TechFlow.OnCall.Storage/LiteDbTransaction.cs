using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage;

/// <summary>One unit of work on a <see cref="LiteDbStore"/>: records which types it changed, and expires with it.</summary>
internal sealed class LiteDbTransaction(LiteDbStore store) : IStoreTransaction
{
    private bool _closed;

    public HashSet<Type> Changed { get; } = [];

    public IRepository<T> Set<T>() where T : class
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        return store.Set<T>();
    }

    public void Close() => _closed = true;
}
