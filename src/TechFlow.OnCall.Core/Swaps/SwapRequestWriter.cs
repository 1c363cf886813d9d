using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>Writes a new request inside a unit of work: the record, its cards (DM, channel) and the audit entry.</summary>
public sealed class SwapRequestWriter(SwapMessages messages, Outbox outbox, SwapSettings settings)
{
    /// <summary>A request someone asked for (already checked).</summary>
    public SwapRequest Open(IStoreTransaction tx, Engineer actor, Engineer requester, SwapSlot mine, Engineer? counterpart, SwapSlot? theirs, DateTimeOffset now)
    {
        var id = NewId(tx);
        var expires = theirs is not null && theirs.Start < mine.Start ? theirs.Start : mine.Start;
        // Asked less than a reminder's lead before the shift: the ask itself is the reminder.
        var remindAt = expires.AddHours(-Math.Max(0, settings.ReminderHours));
        var keys = new List<string>();
        if (counterpart is not null)
        {
            keys.Add(SwapKeys.RequestDirect(id));
        }

        keys.Add(SwapKeys.RequestChannel(id));
        var request = new SwapRequest
        {
            Id = id,
            Kind = theirs is null ? SwapKind.Cover : SwapKind.Swap,
            RequesterId = requester.Id,
            CounterpartId = counterpart?.Id,
            CreatedById = actor.Id,
            RequesterRole = mine.Role,
            RequesterStart = mine.Start,
            RequesterEnd = mine.End,
            CounterpartRole = theirs?.Role,
            CounterpartStart = theirs?.Start,
            CounterpartEnd = theirs?.End,
            CreatedAt = now,
            ExpiresAt = expires,
            RemindAt = remindAt,
            RemindedAt = remindAt <= now ? now : null,
            MessageKeys = keys,
        };
        tx.Set<SwapRequest>().TryInsert(request);
        var ask = messages.Ask(request, now);
        if (counterpart is not null)
        {
            outbox.Enqueue(tx, new OutboxMessage { Id = SwapKeys.RequestDirect(id), Kind = SwapKeys.Kind, DirectTo = counterpart.Id, Reply = ask });
        }

        outbox.Enqueue(tx, new OutboxMessage { Id = SwapKeys.RequestChannel(id), Kind = SwapKeys.Kind, Reply = ask });
        if (actor.Id != requester.Id)
        {
            outbox.Enqueue(tx, new OutboxMessage { Id = SwapKeys.RequestToRequester(id), Kind = SwapKeys.Kind, DirectTo = requester.Id, Reply = messages.Ask(request, now, forRequester: true) });
        }

        SwapJournal.Audit(tx, request, SwapAction.Requested, actor.Id, actor.Id == requester.Id ? null : requester.Id, now, messages.Summary(SwapAction.Requested, request));
        return request;
    }

    /// <summary>
    /// An open cover the bot posts for a slot that time off left uncovered: anyone in the rotation may take it with
    /// the Take it button, for the rest of the slot. It is posted again every day while open, and the engineering
    /// manager is told 48 hours before the slot starts if nobody has taken it.
    /// </summary>
    public SwapRequest OpenForTimeOff(IStoreTransaction tx, string requesterId, SwapSlot slot, string timeOffId, DateTimeOffset now)
    {
        var id = NewId(tx);
        var next = now + SwapDueWork.DailyReminder;
        var request = new SwapRequest
        {
            Id = id,
            Kind = SwapKind.Cover,
            RequesterId = requesterId,
            CreatedById = SwapRequest.BotActor,
            RequesterRole = slot.Role,
            RequesterStart = slot.Start,
            RequesterEnd = slot.End,
            CreatedAt = now,
            ExpiresAt = slot.End,
            RemindAt = next < slot.End ? next : slot.End,
            TimeOffId = timeOffId,
            ManagerWarnAt = slot.Start - SwapDueWork.ManagerWarning,
            MessageKeys = [SwapKeys.RequestChannel(id)],
        };
        tx.Set<SwapRequest>().TryInsert(request);
        outbox.Enqueue(tx, new OutboxMessage { Id = SwapKeys.RequestChannel(id), Kind = SwapKeys.Kind, Reply = messages.Ask(request, now) });
        SwapJournal.Audit(tx, request, SwapAction.Requested, SwapRequest.BotActor, requesterId, now, messages.Summary(SwapAction.Requested, request));
        return request;
    }

    private static string NewId(IStoreTransaction tx)
    {
        var id = SwapIds.New();
        while (tx.Set<SwapRequest>().Get(id) is not null)
        {
            id = SwapIds.New();
        }

        return id;
    }
}
