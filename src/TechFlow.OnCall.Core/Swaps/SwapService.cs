using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>
/// Creates, decides, undoes and expires swap and cover requests. Every change (request status, overrides, audit
/// entry, outbox messages) lands in one <see cref="IOnCallStore.Write{T}"/>, after re-reading the request and
/// re-checking it there, so double clicks, concurrent clicks and retried deliveries change state once.
/// </summary>
public sealed class SwapService(
    IOnCallStore store,
    RosterService roster,
    SwapSchedule schedule,
    SwapRules rules,
    SwapJournal journal,
    SwapRequestWriter writer)
{
    /// <summary>The actor id the audit trail uses for what the bot does on its own (expiry).</summary>
    public const string BotActor = "oncall-bot";

    /// <summary>Asks <paramref name="counterpart"/> to take <paramref name="mine"/> and give <paramref name="theirs"/>.</summary>
    public SwapOutcome RequestSwap(Engineer actor, Engineer requester, SwapSlot mine, Engineer counterpart, SwapSlot theirs, DateTimeOffset now) =>
        Create(actor, requester, mine, counterpart, theirs, now);

    /// <summary>Asks <paramref name="counterpart"/> (or anyone, when null) to take <paramref name="mine"/>.</summary>
    public SwapOutcome RequestCover(Engineer actor, Engineer requester, SwapSlot mine, Engineer? counterpart, DateTimeOffset now) =>
        Create(actor, requester, mine, counterpart, null, now);

    /// <summary>
    /// The counterpart's nearest upcoming shift that both people can trade without time off or double duty, or the
    /// reason there is none.
    /// </summary>
    public (SwapSlot? Theirs, string? Reason) Propose(Engineer requester, SwapSlot mine, Engineer counterpart, DateTimeOffset now)
    {
        var candidates = schedule.Upcoming(now)
            .Where(w => !(w.Start < mine.End && mine.Start < w.End))
            .Select(w => schedule.SlotIn(counterpart.Id, w))
            .OfType<SwapSlot>()
            .OrderBy(s => (s.Start - mine.Start).Duration())
            .ThenBy(s => s.Start)
            .ToList();
        if (candidates.Count == 0)
        {
            return (null, $"{counterpart.Name} has no upcoming shift to trade.");
        }

        string? firstReason = null;
        foreach (var theirs in candidates)
        {
            var reason = rules.Check(requester, mine, counterpart, theirs, now);
            if (reason is null)
            {
                return (theirs, null);
            }

            firstReason ??= reason;
        }

        return (null, $"None of {counterpart.FirstName}'s upcoming shifts works: {firstReason}");
    }

    public SwapOutcome Approve(string rawId, Engineer? actor, DateTimeOffset now) => Decide(rawId, actor, now, SwapStatus.Approved);

    public SwapOutcome Decline(string rawId, Engineer? actor, DateTimeOffset now) => Decide(rawId, actor, now, SwapStatus.Declined);

    public SwapOutcome Cancel(string rawId, Engineer? actor, DateTimeOffset now) => Decide(rawId, actor, now, SwapStatus.Cancelled);

    /// <summary>Undoes an approved request before its shift starts: the overrides are cancelled, everyone is told.</summary>
    public SwapOutcome Undo(string rawId, Engineer? actor, DateTimeOffset now)
    {
        if (SwapIds.Normalize(rawId) is not { } id || actor is null)
        {
            return actor is null ? SwapOutcome.Refused(NotKnown) : NoSuchRequest(rawId);
        }

        var outcome = store.Write(tx =>
        {
            var r = tx.Set<SwapRequest>().Get(id);
            if (r is null)
            {
                return NoSuchRequest(rawId);
            }

            var isParty = actor.Id == r.RequesterId || actor.Id == r.CounterpartId;
            if (!isParty && !SwapRules.IsBoss(actor))
            {
                return SwapOutcome.Refused($"Only the two people in request {r.Id} (or a manager or admin) can undo it. Nothing was changed.");
            }

            if (r.Status != SwapStatus.Approved)
            {
                return new SwapOutcome(r, false, r.Status == SwapStatus.Undone
                    ? $"Request {r.Id} was already undone. Nothing else changed."
                    : $"Request {r.Id} is {r.Status.ToString().ToLowerInvariant()}, not approved, so there is nothing to undo.");
            }

            if (now >= r.ExpiresAt)
            {
                return SwapOutcome.Refused($"The shift in request {r.Id} has started, so it can no longer be undone. Ask for a new swap or cover instead.", r);
            }

            foreach (var o in tx.Set<ScheduleOverride>().Find(o => o.SourceId == id))
            {
                if (o.CancelledAt is null)
                {
                    tx.Set<ScheduleOverride>().Upsert(o with { CancelledAt = now });
                }
            }

            var undone = r with { Status = SwapStatus.Undone, UndoneAt = now, UndoneById = actor.Id };
            tx.Set<SwapRequest>().Upsert(undone);
            SwapJournal.Audit(tx, undone, "undone", actor.Id, isParty ? null : r.RequesterId, now, "undone: the original schedule is back");
            journal.Announce(tx, undone, "undone", now, [undone.RequesterId, undone.CounterpartId], channel: true);
            return new SwapOutcome(undone, true, $"Undone: the schedule is back as it was before request {r.Id}.");
        });
        return outcome;
    }

    private const string NotKnown = "I don't know who you are, so I can't act on swaps for you. Ask an admin to add you to the roster. Nothing was changed.";

    private SwapOutcome Create(Engineer actor, Engineer requester, SwapSlot mine, Engineer? counterpart, SwapSlot? theirs, DateTimeOffset now)
    {
        if (actor.Id != requester.Id && !SwapRules.IsBoss(actor))
        {
            return SwapOutcome.Refused($"Only a manager or admin can ask on someone else's behalf. Nothing was changed.");
        }

        var outcome = store.Write(tx =>
        {
            var reason = rules.Check(requester, mine, counterpart, theirs, now);
            if (reason is not null)
            {
                return SwapOutcome.Refused(reason + " Nothing was changed.");
            }

            var request = writer.Open(tx, actor, requester, mine, counterpart, theirs, now);
            var id = request.Id;
            return new SwapOutcome(request, true, counterpart is null
                ? $"Request {id} is posted in the team channel for anyone to take."
                : $"Request {id} is sent: I asked {counterpart.Name} in a direct message and posted it in the team channel.");
        });
        return outcome;
    }

    private SwapOutcome Decide(string rawId, Engineer? actor, DateTimeOffset now, SwapStatus to)
    {
        if (actor is null)
        {
            return SwapOutcome.Refused(NotKnown);
        }

        if (SwapIds.Normalize(rawId) is not { } id)
        {
            return NoSuchRequest(rawId);
        }

        var outcome = store.Write(tx =>
        {
            var r = tx.Set<SwapRequest>().Get(id);
            if (r is null)
            {
                return NoSuchRequest(rawId);
            }

            var (allowed, onBehalfOf, refusal) = rules.Authorise(r, actor, to);
            if (!allowed)
            {
                return SwapOutcome.Refused(refusal + " Nothing was changed.");
            }

            if (r.Status != SwapStatus.Open)
            {
                return new SwapOutcome(r, false, $"Request {r.Id} is already {r.Status.ToString().ToLowerInvariant()}. Nothing else changed.");
            }

            if (now >= r.ExpiresAt)
            {
                return SwapOutcome.Refused($"Request {r.Id} ran out: its shift has started. Nothing was changed.", r);
            }

            return to switch
            {
                SwapStatus.Approved => ApproveIn(tx, r, actor, onBehalfOf, now),
                SwapStatus.Declined => Close(tx, r, actor, onBehalfOf, now, SwapStatus.Declined, "declined", [r.RequesterId]),
                _ => Close(tx, r, actor, onBehalfOf, now, SwapStatus.Cancelled, "cancelled", [r.CounterpartId]),
            };
        });
        return outcome;
    }

    private SwapOutcome ApproveIn(IStoreTransaction tx, SwapRequest r, Engineer actor, string? onBehalfOf, DateTimeOffset now)
    {
        var requester = roster.Find(r.RequesterId);
        var taker = r.CounterpartId is null ? actor : roster.Find(r.CounterpartId);
        if (requester is null || taker is null)
        {
            return SwapOutcome.Refused($"Someone in request {r.Id} is no longer on the roster. Nothing was changed.", r);
        }

        // A cover opened for time off may be taken after its slot has started: the taker covers the rest of it.
        var forTimeOff = r.TimeOffId is not null;
        var mine = forTimeOff && r.RequesterStart < now ? r.RequesterSlot() with { Start = now } : r.RequesterSlot();
        var theirs = r.CounterpartSlot();
        var reason = rules.Check(requester, mine, taker, theirs, now, exceptId: r.Id, started: forTimeOff);
        if (reason is not null)
        {
            return SwapOutcome.Refused($"I can't approve request {r.Id}: {reason} Nothing was changed.", r);
        }

        var n = 0;
        SwapSlot[] slots = theirs is null ? [mine] : [mine, theirs];
        foreach (var (slot, takerId) in slots.Select(s => (s, s.EngineerId == r.RequesterId ? taker.Id : r.RequesterId)))
        {
            tx.Set<ScheduleOverride>().TryInsert(new ScheduleOverride
            {
                Id = SwapKeys.Override(r.Id, ++n),
                Start = slot.Start,
                End = slot.End,
                Role = slot.Role,
                EngineerId = takerId,
                ReplacesId = slot.EngineerId,
                Reason = $"{SwapMessages.Noun(r).ToLowerInvariant()} {r.Id}",
                Kind = r.Kind == SwapKind.Swap ? OverrideKind.Swap : OverrideKind.Cover,
                SourceId = r.Id,
                CreatedBy = actor.Id,
                CreatedAt = now,
            });
        }

        var approved = r with
        {
            Status = SwapStatus.Approved,
            CounterpartId = taker.Id,
            DecidedAt = now,
            DecidedById = actor.Id,
            DecidedOnBehalfOfId = onBehalfOf,
        };
        tx.Set<SwapRequest>().Upsert(approved);
        var action = r.CounterpartId is null ? "taken" : "approved";
        SwapJournal.Audit(tx, approved, action, actor.Id, onBehalfOf, now, $"{action}: {taker.Name} takes {requester.Name}'s {r.RequesterRole.ToString().ToLowerInvariant()} shift");
        journal.Announce(tx, approved, "approved", now, [approved.RequesterId, approved.CounterpartId], channel: true);
        return new SwapOutcome(approved, true, r.CounterpartId is null
            ? $"Thanks: you now cover {requester.Name}'s shift. Everyone is told."
            : $"Approved: the schedule is updated and everyone is told.");
    }

    private SwapOutcome Close(IStoreTransaction tx, SwapRequest r, Engineer actor, string? onBehalfOf, DateTimeOffset now, SwapStatus status, string action, IReadOnlyList<string?> tell)
    {
        var closed = r with { Status = status, DecidedAt = now, DecidedById = actor.Id, DecidedOnBehalfOfId = onBehalfOf };
        tx.Set<SwapRequest>().Upsert(closed);
        SwapJournal.Audit(tx, closed, action, actor.Id, onBehalfOf, now, action);
        journal.Announce(tx, closed, action, now, tell, channel: false);
        return new SwapOutcome(closed, true, $"Request {r.Id} is {action}. The schedule is unchanged.");
    }

    private static SwapOutcome NoSuchRequest(string rawId) =>
        SwapOutcome.Refused($"There is no swap or cover request \"{Trim(rawId)}\". ⟦oncall⟧ swaps lists the open ones. Nothing was changed.");

    private static string Trim(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
