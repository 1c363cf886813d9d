using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Inbound;

internal sealed class InboundStoreInitializer : IStoreInitializer
{
    public void Initialize(IOnCallStore store)
    {
        store.Set<InboundWork>().EnsureIndex(w => w.State);
        store.Set<InboundWork>().EnsureIndex(w => w.NextAttemptAt);
    }
}
