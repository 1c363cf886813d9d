using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage.Tests.Outbox;

/// <summary>The outbox across replicas on LiteDB: one store (a temp file), two dispatchers.</summary>
public sealed class LiteDbOutboxReplicaTests : OutboxReplicaContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"oncall-outbox-{Guid.NewGuid():N}.db");

    protected override (IOnCallStore A, IOnCallStore B) CreateStores()
    {
        var store = new LiteDbStore(_path);
        return (store, store);
    }

    public override void Dispose()
    {
        base.Dispose();
        File.Delete(_path);
        File.Delete(Path.ChangeExtension(_path, null) + "-log.db");
    }
}
