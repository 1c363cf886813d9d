using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>Who may act on a request, and whether a trade can happen now. Run inside the unit of work that acts on the answer.</summary>
public sealed class SwapRules(SwapSchedule schedule, SwapMessages messages)
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
                : "That shift has already started; ask for a cover of the rest of it (/oncall cover <from> <to>).";
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
            ? $"Request {open.Id} already asks to trade that shift; cancel it (/oncall swap cancel {open.Id}) or wait for the answer."
            : null;
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
