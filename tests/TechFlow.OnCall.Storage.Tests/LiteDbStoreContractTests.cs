using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage.Tests;

/// <summary>The storage port's contract on LiteDB (a temp file, as in production).</summary>
public sealed class LiteDbStoreContractTests : StoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"oncall-contract-{Guid.NewGuid():N}.db");

    protected override IOnCallStore CreateStore() => new LiteDbStore(_path);

    public override void Dispose()
    {
        base.Dispose();
        File.Delete(_path);
        File.Delete(Path.ChangeExtension(_path, null) + "-log.db");
    }
}
