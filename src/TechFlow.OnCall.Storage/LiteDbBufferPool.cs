using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace TechFlow.OnCall.Storage;

/// <summary>
/// Where LiteDB's own buffer pool lands in memory. LiteDB 5.0.20 keeps one static pool of byte arrays (eight for every
/// power of two from 16 bytes to 1 MiB, about 17 MB), allocated all at once the first time a stored value crosses a
/// page segment. The operating system only backs memory that is written, and the pool's large arrays are never written
/// while they wait, so they cost nothing resident, until the garbage collector compacts the large object heap. Then it
/// slides them down over whatever died below them, which copies every byte and makes all 17 MB resident for the life
/// of the process (the idle trim's aggressive collection did exactly that: 81 MiB idle instead of 66 in the native
/// build, docs/performance.md). Allocated before anything else, the arrays have nothing below them to close up, so a
/// compaction leaves them where they are.
/// </summary>
public static class LiteDbBufferPool
{
    private const string PoolType = "LiteDB.Engine.BufferPool, LiteDB";

    /// <summary>
    /// Allocates the pool now; call it first thing in a long-running process, before anything that dies is allocated.
    /// Returns false when this LiteDB has no such pool (a later version rents from the shared pool instead), in which
    /// case there is nothing to place.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2059", Justification = "LiteDB is kept whole in every build (TrimmerRootAssembly in the host's csproj).")]
    public static bool PlaceFirst()
    {
        var pool = Type.GetType(PoolType, throwOnError: false);
        if (pool is null)
        {
            return false;
        }

        RuntimeHelpers.RunClassConstructor(pool.TypeHandle);
        return true;
    }
}
