using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>Indexes for swap requests, their audit trail and overrides by source.</summary>
public sealed class SwapStoreInitializer : IStoreInitializer
{
    public void Initialize(IOnCallStore store)
    {
        store.Set<SwapRequest>().EnsureIndex(r => r.Status);
        store.Set<SwapAuditEntry>().EnsureIndex(a => a.At);
        store.Set<ScheduleOverride>().EnsureIndex(o => o.SourceId);
    }
}
