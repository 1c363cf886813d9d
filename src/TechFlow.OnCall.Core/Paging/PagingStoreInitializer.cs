using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>Indexes the page collection for the open-page and deduplication lookups.</summary>
public sealed class PagingStoreInitializer : IStoreInitializer
{
    public void Initialize(IOnCallStore store)
    {
        var pages = store.Set<Page>();
        pages.EnsureIndex(p => p.DedupeKey);
        pages.EnsureIndex(p => p.ResolvedAt);
        pages.EnsureIndex(p => p.OpenedAt);
    }
}
