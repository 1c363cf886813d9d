using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>Who may act on a request, and whether a trade can happen now. Run inside the unit of work that acts on the answer.</summary>
public sealed class SwapRules(SwapSchedule schedule)
{
    public static bool IsBoss(Engineer engineer) => engineer.IsManager || engineer.IsAdmin;

    /// <summary>Why the trade cannot happen now, or null.</summary>
    /// <param name="started">True for a slot that may already have started (a cover for time off: the rest of it is taken).</param>
    public TradeProblem? Check(Engineer requester, SwapSlot mine, Engineer? counterpart, SwapSlot? theirs, DateTimeOffset now, string? exceptId = null, bool started = false)
    {
        if (started ? mine.End <= now : mine.Start <= now || theirs is { } t && t.Start <= now)
        {
            return started ? new TradeProblem.SlotOver() : new TradeProblem.ShiftStarted();
        }

        if (schedule.Holder(mine.Role, mine.Start) != requester.Id)
        {
            return new TradeProblem.NoLongerHeld(requester, mine.Role, mine.Start, now);
        }

        if (counterpart is not null && counterpart.Id == requester.Id)
        {
            return new TradeProblem.WithYourself();
        }

        if (theirs is not null && counterpart is not null)
        {
            if (theirs.Start < mine.End && mine.Start < theirs.End)
            {
                return new TradeProblem.SameShift(counterpart);
            }

            if (schedule.Holder(theirs.Role, theirs.Start) != counterpart.Id)
            {
                return new TradeProblem.NotOnCallThen(counterpart, theirs.Start, now);
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
        return schedule.ConflictingOpen(slots, exceptId) is { } open ? new TradeProblem.AlreadyAsked(open.Id) : null;
    }

    /// <summary>May <paramref name="actor"/> move <paramref name="r"/> to <paramref name="to"/>; if so for whom, if not why.</summary>
    /// <returns>The person the actor acts for (null when for themselves), or the refusal.</returns>
    public static (string? OnBehalfOf, SwapResult.Refusal? Refusal) Authorise(SwapRequest r, Engineer actor, SwapStatus to)
    {
        if (to == SwapStatus.Cancelled)
        {
            return actor.Id == r.RequesterId || actor.Id == r.CreatedById
                ? (actor.Id == r.RequesterId ? null : r.RequesterId, null)
                : (null, new SwapResult.NotTheRequester(r.Id, r.RequesterId));
        }

        if (actor.Id == r.RequesterId)
        {
            return (null, new SwapResult.OwnRequest(r.Id));
        }

        if (r.CounterpartId is not { } counterpartId)
        {
            return to == SwapStatus.Approved ? (null, null) : (null, new SwapResult.OpenToAnyone(r.Id, r.RequesterId));
        }

        if (actor.Id == counterpartId)
        {
            return (null, null);
        }

        return IsBoss(actor) ? (counterpartId, null) : (null, new SwapResult.NotTheCounterpart(r.Id, counterpartId));
    }

    /// <summary>May <paramref name="actor"/> undo <paramref name="r"/>: either person in it, or a manager or admin (for the requester).</summary>
    /// <returns>The person the actor acts for (null when for themselves), or the refusal.</returns>
    public static (string? OnBehalfOf, SwapResult.Refusal? Refusal) AuthoriseUndo(SwapRequest r, Engineer actor) =>
        actor.Id == r.RequesterId || actor.Id == r.CounterpartId ? (null, null)
        : IsBoss(actor) ? (r.RequesterId, null)
        : (null, new SwapResult.NotAParty(r.Id));
}
