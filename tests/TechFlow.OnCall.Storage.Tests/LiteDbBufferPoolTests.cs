using System.Reflection;

namespace TechFlow.OnCall.Storage.Tests;

/// <summary>The host places LiteDB's buffer pool first in memory; this fails when a LiteDB upgrade makes that moot.</summary>
public sealed class LiteDbBufferPoolTests
{
    [Fact]
    public void PlaceFirst_FindsThePinnedLiteDbsPool_AndAllocatesIt()
    {
        Assert.True(
            LiteDbBufferPool.PlaceFirst(),
            "This LiteDB has no LiteDB.Engine.BufferPool: remove LiteDbBufferPool and its call in Program.cs.");

        var pool = Type.GetType("LiteDB.Engine.BufferPool, LiteDB", throwOnError: true)!
            .GetField("_bytePool", BindingFlags.NonPublic | BindingFlags.Static);
        Assert.NotNull(pool);
        Assert.NotNull(pool.GetValue(null));
    }
}
