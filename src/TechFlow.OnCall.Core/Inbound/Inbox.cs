using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Inbound;

/// <summary>The inbox: records inbound work durably; <see cref="InboundWorkRunner"/> acts on it.</summary>
public sealed class Inbox(IOnCallStore store, TimeProvider time)
{
    /// <summary>How long finished work is kept, so a late retry of its delivery is still recognised.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    /// <summary>
    /// Records the delivery <paramref name="id"/> and its work in one unit of work; false (changing nothing) when
    /// that id was recorded before, which makes a platform's retry a no-op. Committing wakes the runner.
    /// </summary>
    public bool TryAccept(string id, string kind, string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var now = time.GetUtcNow();
        var expired = now - Keep;
        return store.Write(tx =>
        {
            var set = tx.Set<InboundWork>();
            set.DeleteMany(w => w.State != InboundWorkState.Pending && w.ReceivedAt < expired);
            return set.TryInsert(new InboundWork
            {
                Id = id,
                Kind = kind,
                Payload = payload,
                State = InboundWorkState.Pending,
                ReceivedAt = now,
                NextAttemptAt = now,
            });
        });
    }

    public InboundWork? Get(string id) => store.Set<InboundWork>().Get(id);

    /// <summary>Work accepted and not yet finished, oldest first.</summary>
    public IReadOnlyList<InboundWork> Unfinished() =>
        store.Set<InboundWork>().Find(w => w.State == InboundWorkState.Pending, w => w.ReceivedAt);
}
