using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage;

/// <summary>Opens a LiteDB store for this process alone: lock first, then the file, then its schema.</summary>
public static class LiteDbStoreOpener
{
    /// <summary>
    /// Takes the store's lock (before the file is touched), opens it, and brings its schema to this build's
    /// (backing it up first when it migrates). Throws a <see cref="StoreUnavailableException"/> whose message says
    /// what to do when another process holds it or a newer build wrote it; the file is then unchanged.
    /// </summary>
    public static LiteDbStore Open(string path, TimeProvider time, Action<string> log, LiteDbSchema? schema = null)
    {
        schema ??= LiteDbSchema.Default;
        if (path == ":memory:")
        {
            var memory = new LiteDbStore(path);
            schema.Prepare(memory, isNew: true, time, log);
            return memory;
        }

        var held = LiteDbStoreLock.Acquire(path);
        LiteDbStore? store = null;
        try
        {
            var existed = File.Exists(path) && new FileInfo(path).Length > 0;
            store = new LiteDbStore(path, held);
            var isNew = !existed || store.Exclusive(LiteDbSchema.IsEmpty);
            schema.Prepare(store, isNew, time, log);
            return store;
        }
        catch
        {
            if (store is null)
            {
                held.Dispose();
            }
            else
            {
                store.Dispose();
            }

            throw;
        }
    }
}
