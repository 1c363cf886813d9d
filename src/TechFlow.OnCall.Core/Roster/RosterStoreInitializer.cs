using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Roster;

internal sealed class RosterStoreInitializer : IStoreInitializer
{
    public void Initialize(IOnCallStore store)
    {
        store.Set<Engineer>().EnsureIndex(e => e.SlackUserId);
        store.Set<Engineer>().EnsureIndex(e => e.TeamsUserId);
        store.Set<Engineer>().EnsureIndex(e => e.TeamsAadObjectId);
    }
}
