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
        // Created here, at start, like the others: otherwise the first lease's unit of work creates it while other lanes
        // read it (OutboxLaneLease.HeldByOthers), and once in CI such a read failed inside LiteDB ("page type must be
        // collection page"), which leaves the LiteDB engine unusable.
        store.Set<OutboxLaneClaim>().EnsureIndex(c => c.Until);
    }
}
