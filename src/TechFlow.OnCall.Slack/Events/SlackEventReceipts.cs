using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Slack.Events;

/// <summary>Remembers accepted event ids for a day (Slack retries for at most a few hours without Delayed Events).</summary>
public sealed class SlackEventReceipts(IOnCallStore store, TimeProvider time)
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    /// <summary>Records <paramref name="eventId"/>; false when it was seen before (a retry: do nothing).</summary>
    public bool TryAccept(string eventId)
    {
        var now = time.GetUtcNow();
        var expired = now - Keep;
        return store.Write(tx =>
        {
            var receipts = tx.Set<SlackEventReceipt>();
            receipts.DeleteMany(r => r.ReceivedAt < expired);
            return receipts.TryInsert(new SlackEventReceipt { Id = eventId, ReceivedAt = now });
        });
    }
}
