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
    public const string BotActor = SwapRequest.BotActor;

    /// <summary>Asks <paramref name="counterpart"/> to take <paramref name="mine"/> and give <paramref name="theirs"/>.</summary>
    public SwapResult RequestSwap(Engineer actor, Engineer requester, SwapSlot mine, Engineer counterpart, SwapSlot theirs, DateTimeOffset now) =>
        Create(actor, requester, mine, counterpart, theirs, now);

    /// <summary>Asks <paramref name="counterpart"/> (or anyone, when null) to take <paramref name="mine"/>.</summary>
    public SwapResult RequestCover(Engineer actor, Engineer requester, SwapSlot mine, Engineer? counterpart, DateTimeOffset now) =>
        Create(actor, requester, mine, counterpart, null, now);

    /// <summary>
    /// The counterpart's nearest upcoming shift that both people can trade without time off or double duty, or the
    /// reason there is none.
    /// </summary>
    public (SwapSlot? Theirs, SwapResult.Refusal? Refusal) Propose(Engineer requester, SwapSlot mine, Engineer counterpart, DateTimeOffset now)
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
            return (null, new SwapResult.NoShiftToTrade(counterpart));
        }

        TradeProblem? first = null;
        foreach (var theirs in candidates)
        {
            var problem = rules.Check(requester, mine, counterpart, theirs, now);
            if (problem is null)
            {
                return (theirs, null);
            }

            first ??= problem;
        }

        return (null, new SwapResult.NoShiftWorks(counterpart, first!));
    }

    public SwapResult Approve(string rawId, Engineer? actor, DateTimeOffset now) => Decide(rawId, actor, now, SwapStatus.Approved);

    public SwapResult Decline(string rawId, Engineer? actor, DateTimeOffset now) => Decide(rawId, actor, now, SwapStatus.Declined);

    public SwapResult Cancel(string rawId, Engineer? actor, DateTimeOffset now) => Decide(rawId, actor, now, SwapStatus.Cancelled);

    /// <summary>Undoes an approved request before its shift starts: the overrides are cancelled, everyone is told.</summary>
    public SwapResult Undo(string rawId, Engineer? actor, DateTimeOffset now)
    {
        if (SwapIds.Normalize(rawId) is not { } id || actor is null)
        {
            return actor is null ? new SwapResult.NotOnRoster() : new SwapResult.NoSuchRequest(rawId);
        }

        var result = store.Write(tx =>
        {
            if (tx.Set<SwapRequest>().Get(id) is not { } r)
            {
                return new SwapResult.NoSuchRequest(rawId);
            }

            var (onBehalfOf, refusal) = SwapRules.AuthoriseUndo(r, actor);
            if (refusal is not null)
            {
                return refusal;
            }

            var undone = r.Undo(actor.Id, now);
            if (undone is not SwapResult.Undone { Request: { } request })
            {
                return undone;
            }

            foreach (var o in tx.Set<ScheduleOverride>().Find(o => o.SourceId == id))
            {
                if (o.CancelledAt is null)
                {
                    tx.Set<ScheduleOverride>().Upsert(o with { CancelledAt = now });
                }
            }

            tx.Set<SwapRequest>().Upsert(request);
            journal.Record(tx, request, SwapAction.Undone, actor.Id, onBehalfOf, now);
            journal.Announce(tx, request, now, [request.RequesterId, request.CounterpartId], channel: true);
            return undone;
        });
        return result;
    }

    private SwapResult Create(Engineer actor, Engineer requester, SwapSlot mine, Engineer? counterpart, SwapSlot? theirs, DateTimeOffset now)
    {
        if (actor.Id != requester.Id && !SwapRules.IsBoss(actor))
        {
            return new SwapResult.NotAllowedOnBehalf();
        }

        var result = store.Write<SwapResult>(tx => rules.Check(requester, mine, counterpart, theirs, now) is { } problem
            ? new SwapResult.TradeBlocked(problem)
            : new SwapResult.Opened(writer.Open(tx, actor, requester, mine, counterpart, theirs, now)));
        return result;
    }

    private SwapResult Decide(string rawId, Engineer? actor, DateTimeOffset now, SwapStatus to)
    {
        if (actor is null)
        {
            return new SwapResult.NotOnRoster();
        }

        if (SwapIds.Normalize(rawId) is not { } id)
        {
            return new SwapResult.NoSuchRequest(rawId);
        }

        var result = store.Write(tx =>
        {
            if (tx.Set<SwapRequest>().Get(id) is not { } r)
            {
                return new SwapResult.NoSuchRequest(rawId);
            }

            var (onBehalfOf, refusal) = SwapRules.Authorise(r, actor, to);
            if (refusal is not null)
            {
                return refusal;
            }

            var decided = to switch
            {
                SwapStatus.Approved => r.Approve(actor.Id, onBehalfOf, now),
                SwapStatus.Declined => r.Decline(actor.Id, onBehalfOf, now),
                _ => r.Cancel(actor.Id, onBehalfOf, now),
            };
            return decided switch
            {
                SwapResult.Approved approved => ApproveIn(tx, r, approved, actor, onBehalfOf, now),
                SwapResult.Declined { Request: { } declined } => Close(tx, decided, declined, actor, onBehalfOf, now, SwapAction.Declined, [r.RequesterId]),
                SwapResult.Cancelled { Request: { } cancelled } => Close(tx, decided, cancelled, actor, onBehalfOf, now, SwapAction.Cancelled, [r.CounterpartId]),
                _ => decided,
            };
        });
        return result;
    }

    /// <summary>Saves an approval once the schedule still allows the trade: the overrides, the request, audit and messages.</summary>
    private SwapResult ApproveIn(IStoreTransaction tx, SwapRequest r, SwapResult.Approved result, Engineer actor, string? onBehalfOf, DateTimeOffset now)
    {
        var requester = roster.Find(r.RequesterId);
        var taker = r.CounterpartId is null ? actor : roster.Find(r.CounterpartId);
        if (requester is null || taker is null)
        {
            return new SwapResult.PersonGone(r);
        }

        // A cover opened for time off may be taken after its slot has started: the taker covers the rest of it.
        var forTimeOff = r.TimeOffId is not null;
        var mine = forTimeOff && r.RequesterStart < now ? r.RequesterSlot() with { Start = now } : r.RequesterSlot();
        var theirs = r.CounterpartSlot();
        if (rules.Check(requester, mine, taker, theirs, now, exceptId: r.Id, started: forTimeOff) is { } problem)
        {
            return new SwapResult.CannotApprove(r, problem);
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

        var approved = result.Request!;
        tx.Set<SwapRequest>().Upsert(approved);
        var action = result.Taken ? SwapAction.Taken : SwapAction.Approved;
        journal.Record(tx, approved, action, actor.Id, onBehalfOf, now);
        journal.Announce(tx, approved, now, [approved.RequesterId, approved.CounterpartId], channel: true);
        return result;
    }

    private SwapResult Close(IStoreTransaction tx, SwapResult result, SwapRequest closed, Engineer actor, string? onBehalfOf, DateTimeOffset now, SwapAction action, IReadOnlyList<string?> tell)
    {
        tx.Set<SwapRequest>().Upsert(closed);
        journal.Record(tx, closed, action, actor.Id, onBehalfOf, now);
        journal.Announce(tx, closed, now, tell, channel: false);
        return result;
    }
}
