using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Teams.Proactive;

public sealed class TeamsStoreInitializer : IStoreInitializer
{
    public void Initialize(IOnCallStore store)
    {
        store.Set<TeamsConversation>().EnsureIndex(c => c.ConversationType);
        store.Set<TeamsConversation>().EnsureIndex(c => c.UserId);
    }
}
