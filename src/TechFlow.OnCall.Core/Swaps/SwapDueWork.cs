using System.Globalization;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>
/// Reminds about open requests before they expire and expires them when their shift starts. A cover opened for time
/// off reminds the channel every day while it is open, and tells the engineering manager 48 hours before its slot
/// starts if nobody has taken it. Each step re-reads the request inside its unit of work: repeated or missed ticks
/// are harmless.
/// </summary>
public sealed class SwapDueWork(IOnCallStore store, RosterService roster, SwapMessages messages, SwapJournal journal, Outbox outbox) : IDueWork
{
    /// <summary>How often an open cover for time off is posted again.</summary>
    public static readonly TimeSpan DailyReminder = TimeSpan.FromDays(1);

    /// <summary>How long before an uncovered slot starts the engineering manager is told.</summary>
    public static readonly TimeSpan ManagerWarning = TimeSpan.FromHours(48);

    public string Name => "swaps";

    public Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        RunDue(now);
        return Task.CompletedTask;
    }

    /// <summary>Does every reminder, warning and expiry due at <paramref name="now"/>. Idempotent.</summary>
    /// <returns>How many requests changed.</returns>
    public int RunDue(DateTimeOffset now)
    {
        var changed = 0;
        foreach (var due in store.Set<SwapRequest>().Find(r => r.Status == SwapStatus.Open && r.RemindAt <= now))
        {
            changed += store.Write(tx => Remind(tx, due.Id, now)) ? 1 : 0;
        }

        foreach (var due in store.Set<SwapRequest>().Find(r => r.Status == SwapStatus.Open && r.ManagerWarnAt <= now && r.ManagerWarnedAt == null))
        {
            changed += store.Write(tx => WarnManager(tx, due.Id, now)) ? 1 : 0;
        }

        return changed;
    }

    private bool Remind(IStoreTransaction tx, string id, DateTimeOffset now)
    {
        var r = tx.Set<SwapRequest>().Get(id);
        if (r is not { Status: SwapStatus.Open } || r.RemindAt > now)
        {
            return false;
        }

        if (r.Expire(now) is SwapResult.Expired { Request: { } expired })
        {
            tx.Set<SwapRequest>().Upsert(expired);
            journal.Record(tx, expired, SwapAction.Expired, SwapRequest.BotActor, null, now);
            journal.Announce(tx, expired, now, [expired.RequesterId], channel: false);
            return true;
        }

        if (r.TimeOffId is not null)
        {
            var key = SwapKeys.Reminder(r.Id, now);
            tx.Set<SwapRequest>().Upsert(r.RemindedDaily(now, key, DailyReminder));
            outbox.Enqueue(tx, new OutboxMessage { Id = key, Kind = SwapKeys.Kind, Reply = messages.Reminder(r, now) });
            return true;
        }

        if (r.RemindedAt is not null)
        {
            return false;
        }

        var once = SwapKeys.Reminder(r.Id);
        var reminded = r.RemindedOnce(now, once);
        tx.Set<SwapRequest>().Upsert(reminded);
        outbox.Enqueue(tx, new OutboxMessage { Id = once, Kind = SwapKeys.Kind, DirectTo = r.CounterpartId, Reply = messages.Reminder(reminded, now) });
        return true;
    }

    private bool WarnManager(IStoreTransaction tx, string id, DateTimeOffset now)
    {
        var r = tx.Set<SwapRequest>().Get(id);
        if (r is not { Status: SwapStatus.Open, ManagerWarnedAt: null } || r.ManagerWarnAt > now)
        {
            return false;
        }

        tx.Set<SwapRequest>().Upsert(r.ManagerWarned(now));
        if (roster.Manager() is { } manager)
        {
            outbox.Enqueue(tx, new OutboxMessage { Id = SwapKeys.ManagerWarning(r.Id), Kind = SwapKeys.Kind, DirectTo = manager.Id, Reply = messages.ManagerWarning(r, now) });
        }

        return true;
    }
}
