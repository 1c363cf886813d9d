using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Announcements;

internal sealed class OutboxStoreInitializer : IStoreInitializer
{
    public void Initialize(IOnCallStore store)
    {
        store.Set<OutboxDelivery>().EnsureIndex(d => d.Status);
        store.Set<OutboxDelivery>().EnsureIndex(d => d.Seq);
        store.Set<OutboxDelivery>().EnsureIndex(d => d.Lane);
        store.Set<OutboxMessage>().EnsureIndex(m => m.Seq);
    }
}
