using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Slack.Events;

/// <summary>Indexes the Slack adapter's own collections.</summary>
public sealed class SlackStoreInitializer : IStoreInitializer
{
    public void Initialize(IOnCallStore store) => store.Set<SlackEventReceipt>().EnsureIndex(r => r.ReceivedAt);
}
