using LiteDB;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage.Tests;

/// <summary>Shutting down while a background unit of work runs must leave a file that opens cleanly.</summary>
public sealed class LiteDbStoreDisposeTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"oncall-dispose-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Dispose_DuringAUnitOfWork_WaitsForItAndLeavesAFileThatOpens()
    {
        var lite = new LiteDbStore(_path);
        IOnCallStore store = lite;
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var writing = Task.Run(() => store.Write(tx =>
        {
            for (var i = 0; i < 200; i++)
            {
                tx.Set<Ticket>().Upsert(new Ticket { Id = $"t{i}", Title = new string('x', 2000) });
            }

            inside.Set();
            release.Wait(TimeSpan.FromSeconds(10));
        }));
        Assert.True(inside.Wait(TimeSpan.FromSeconds(10)));

        var disposing = Task.Run(lite.Dispose);
        await Task.Delay(200);
        Assert.False(disposing.IsCompleted, "Dispose closed the file under a running unit of work");
        release.Set();
        await writing;
        await disposing;

        Assert.Throws<ObjectDisposedException>(() => store.Write(tx => tx.Set<Ticket>().Upsert(new Ticket { Id = "late" })));
        using var reopened = new LiteDatabase(new ConnectionString { Filename = _path, Connection = ConnectionType.Direct });
        reopened.Checkpoint();
        Assert.Equal(200, reopened.GetCollection("Ticket").Count());
    }

    public void Dispose()
    {
        File.Delete(_path);
        File.Delete(Path.ChangeExtension(_path, null) + "-log.db");
    }
}
