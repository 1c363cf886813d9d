using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Calendar;

/// <summary>Indexes feed revisions by feed and end, for cancellations and clean-up.</summary>
internal sealed class FeedStoreInitializer : IStoreInitializer
{
    public void Initialize(IOnCallStore store)
    {
        store.Set<FeedEventRevision>().EnsureIndex(r => r.Feed);
        store.Set<FeedEventRevision>().EnsureIndex(r => r.End);
    }
}
