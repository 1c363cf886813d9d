using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;

namespace TechFlow.OnCall.Core.Tests.Storage;

/// <summary>LiteDB-only behaviour; what every provider promises is in TechFlow.OnCall.Storage.Tests (StoreContractTests).</summary>
public sealed class LiteDbStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"oncall-store-{Guid.NewGuid():N}.db");
    private readonly LiteDbStore _store;

    public LiteDbStoreTests() => _store = new LiteDbStore(_path);

    [Fact]
    public void Store_Reopened_KeepsCommittedRecords()
    {
        Store.Write(tx => tx.Set<Note>().Upsert(new Note { Id = "durable", Text = "yes" }));
        _store.Dispose();

        using var reopened = new LiteDbStore(_path);

        Assert.Equal("yes", reopened.Set<Note>().Get("durable")?.Text);
    }

    private IOnCallStore Store => _store;

    public void Dispose()
    {
        _store.Dispose();
        File.Delete(_path);
        File.Delete(Path.ChangeExtension(_path, null) + "-log.db");
    }
}
