using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>Who may act on a request, and whether a trade can happen now. Run inside the unit of work that acts on the answer.</summary>
public sealed class SwapRules(RosterService roster, SwapSchedule schedule, SwapMessages messages)
{
    public static bool IsBoss(Engineer engineer) => engineer.IsManager || engineer.IsAdmin;

    /// <summary>Why the trade cannot happen now, or null.</summary>
    /// <param name="started">True for a slot that may already have started (a cover for time off: the rest of it is taken).</param>
    public string? Check(Engineer requester, SwapSlot mine, Engineer? counterpart, SwapSlot? theirs, DateTimeOffset now, string? exceptId = null, bool started = false)
    {
        if (started ? mine.End <= now : mine.Start <= now || theirs is { } t && t.Start <= now)
        {
            return started
                ? "That slot is already over."
                : "That shift has already started; ask for a cover of the rest of it (⟦oncall⟧ cover <from> <to>).";
        }

        if (schedule.Holder(mine.Role, mine.Start) != requester.Id)
        {
            return $"{requester.Name} is not {mine.Role.ToString().ToLowerInvariant()} at {messages.When(mine.Start, now)} any more: the schedule changed.";
        }

        if (counterpart is not null && counterpart.Id == requester.Id)
        {
            return "You can't trade a shift with yourself.";
        }

        if (theirs is not null && counterpart is not null)
        {
            if (theirs.Start < mine.End && mine.Start < theirs.End)
            {
                return $"You and {counterpart.Name} are on the same shift; pick another of theirs with \"for <date>\".";
            }

            if (schedule.Holder(theirs.Role, theirs.Start) != counterpart.Id)
            {
                return $"{counterpart.Name} is not on call at {messages.When(theirs.Start, now)}.";
            }

            if (schedule.Problem(requester, theirs, mine) is { } requesterProblem)
            {
                return requesterProblem;
            }
        }

        if (counterpart is not null && schedule.Problem(counterpart, mine, theirs) is { } counterpartProblem)
        {
            return counterpartProblem;
        }

        SwapSlot[] slots = theirs is null ? [mine] : [mine, theirs];
        return schedule.ConflictingOpen(slots, exceptId) is { } open
            ? $"Request {open.Id} already asks to trade that shift; cancel it (⟦oncall⟧ swap cancel {open.Id}) or wait for the answer."
            : null;
    }

    /// <summary>May <paramref name="actor"/> move <paramref name="r"/> to <paramref name="to"/>; for whom; and if not, why.</summary>
    public (bool Allowed, string? OnBehalfOf, string? Refusal) Authorise(SwapRequest r, Engineer actor, SwapStatus to)
    {
        var counterpart = roster.Find(r.CounterpartId);
        var requester = roster.Find(r.RequesterId);
        if (to == SwapStatus.Cancelled)
        {
            return actor.Id == r.RequesterId || actor.Id == r.CreatedById
                ? (true, actor.Id == r.RequesterId ? null : r.RequesterId, null)
                : (false, null, $"Only {requester?.Name ?? r.RequesterId}, who asked, can cancel request {r.Id}.");
        }

        if (actor.Id == r.RequesterId)
        {
            return (false, null, $"You asked for request {r.Id}, so you can't answer it yourself; cancel it with ⟦oncall⟧ swap cancel {r.Id} if you no longer need it.");
        }

        if (r.CounterpartId is null)
        {
            return to == SwapStatus.Approved
                ? (true, null, null)
                : (false, null, $"Request {r.Id} is open to anyone: it can't be declined; {requester?.Name ?? r.RequesterId} can cancel it.");
        }

        if (actor.Id == r.CounterpartId)
        {
            return (true, null, null);
        }

        return IsBoss(actor)
            ? (true, r.CounterpartId, null)
            : (false, null, $"Only {counterpart?.Name ?? r.CounterpartId} (or a manager or admin) can answer request {r.Id}.");
    }
}
