using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Schedule;

internal sealed class ScheduleStoreInitializer : IStoreInitializer
{
    public void Initialize(IOnCallStore store)
    {
        store.Set<Shift>().EnsureIndex(s => s.Start);
        store.Set<Shift>().EnsureIndex(s => s.End);
        store.Set<ScheduleOverride>().EnsureIndex(o => o.Start);
        store.Set<ScheduleOverride>().EnsureIndex(o => o.End);
        store.Set<TimeOff>().EnsureIndex(t => t.EngineerId);
        store.Set<Holiday>().EnsureIndex(h => h.Date);
    }
}
