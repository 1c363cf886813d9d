using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>Records what happened to a request inside its unit of work: the audit entry, card updates and who is told.</summary>
public sealed class SwapJournal(SwapMessages messages, Outbox outbox)
{
    /// <summary>Updates the request's messages in place and tells <paramref name="tell"/> (and the channel) the state it reached.</summary>
    public void Announce(IStoreTransaction tx, SwapRequest r, DateTimeOffset now, IReadOnlyList<string?> tell, bool channel)
    {
        var outcome = messages.Outcome(r, now);
        foreach (var key in r.MessageKeys)
        {
            var original = tx.Set<OutboxMessage>().Get(key);
            outbox.Enqueue(tx, new OutboxMessage
            {
                Id = SwapKeys.Update(key, r.Status),
                Kind = SwapKeys.Kind,
                DirectTo = original?.DirectTo,
                Channel = original?.Channel,
                Updates = key,
                Reply = outcome,
            });
        }

        foreach (var person in tell.OfType<string>().Distinct())
        {
            outbox.Enqueue(tx, new OutboxMessage
            {
                Id = SwapKeys.OutcomeDirect(r.Id, r.Status, person),
                Kind = SwapKeys.Kind,
                DirectTo = person,
                Reply = messages.Outcome(r, now, undoButton: r.Status == SwapStatus.Approved),
            });
        }

        if (channel)
        {
            outbox.Enqueue(tx, new OutboxMessage { Id = SwapKeys.OutcomeChannel(r.Id, r.Status), Kind = SwapKeys.Kind, Reply = outcome });
        }
    }

    /// <summary>Adds the audit entry of <paramref name="action"/> on <paramref name="r"/> (once), worded by <see cref="SwapMessages.Summary"/>.</summary>
    public void Record(IStoreTransaction tx, SwapRequest r, SwapAction action, string actorId, string? onBehalfOf, DateTimeOffset now) =>
        Audit(tx, r, action, actorId, onBehalfOf, now, messages.Summary(action, r));

    /// <summary>Adds the audit entry <c>&lt;request&gt;:&lt;action&gt;</c> (once).</summary>
    public static void Audit(IStoreTransaction tx, SwapRequest r, SwapAction action, string actorId, string? onBehalfOf, DateTimeOffset now, string summary) =>
        tx.Set<SwapAuditEntry>().TryInsert(new SwapAuditEntry
        {
            Id = SwapKeys.Audit(r.Id, action),
            RequestId = r.Id,
            Action = Word(action),
            ActorId = actorId,
            OnBehalfOfId = onBehalfOf,
            At = now,
            People = [.. new[] { r.RequesterId, r.CounterpartId, r.CreatedById, actorId }.OfType<string>().Distinct()],
            Summary = summary,
        });

    /// <summary>The action as the audit trail spells it: "taken", "approved", ….</summary>
    public static string Word(SwapAction action) => action.ToString().ToLowerInvariant();
}
