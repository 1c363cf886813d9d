using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>
/// What one swap operation did, typed: a change the <see cref="SwapRequest"/> made, a repeat that changed nothing, or
/// a refusal. Callers compare by type; <see cref="SwapMessages.Say(SwapResult)"/> words each one.
/// </summary>
/// <param name="Request">The request as it now stands; null when there is none or the refusal shows none.</param>
public abstract record SwapResult(SwapRequest? Request)
{
    /// <summary>True when this call changed the request (false for repeats and refusals).</summary>
    public bool Changed => this is Change;

    /// <summary>The request moved to a new state; <see cref="SwapResult.Request"/> is that state.</summary>
    public abstract record Change(SwapRequest Request) : SwapResult(Request);

    public sealed record Opened(SwapRequest Request) : Change(Request);

    /// <param name="Taken">True when someone took an open cover rather than answering a request made of them.</param>
    public sealed record Approved(SwapRequest Request, bool Taken) : Change(Request);

    public sealed record Declined(SwapRequest Request) : Change(Request);

    public sealed record Cancelled(SwapRequest Request) : Change(Request);

    public sealed record Undone(SwapRequest Request) : Change(Request);

    public sealed record Expired(SwapRequest Request) : Change(Request);

    /// <summary>Nothing changed, and why.</summary>
    public abstract record Refusal(SwapRequest? Request) : SwapResult(Request);

    /// <summary>The person acting is not on the roster.</summary>
    public sealed record NotOnRoster() : Refusal((SwapRequest?)null);

    /// <summary>No request has the id the person typed (or it cannot be an id).</summary>
    public sealed record NoSuchRequest(string RawId) : Refusal((SwapRequest?)null);

    /// <summary>Someone who is neither a manager nor an admin asked on someone else's behalf.</summary>
    public sealed record NotAllowedOnBehalf() : Refusal((SwapRequest?)null);

    /// <summary>The trade cannot happen now; nothing was opened.</summary>
    public sealed record TradeBlocked(TradeProblem Problem) : Refusal((SwapRequest?)null);

    /// <summary>The counterpart has no upcoming shift to give back.</summary>
    public sealed record NoShiftToTrade(Engineer Counterpart) : Refusal((SwapRequest?)null);

    /// <summary>None of the counterpart's upcoming shifts can be traded; <paramref name="First"/> is why the nearest cannot.</summary>
    public sealed record NoShiftWorks(Engineer Counterpart, TradeProblem First) : Refusal((SwapRequest?)null);

    /// <summary>Only the requester (or whoever asked for them) may cancel.</summary>
    public sealed record NotTheRequester(string RequestId, string RequesterId) : Refusal((SwapRequest?)null);

    /// <summary>The requester tried to approve or decline their own request.</summary>
    public sealed record OwnRequest(string RequestId) : Refusal((SwapRequest?)null);

    /// <summary>An open cover is for anyone to take; nobody can decline it.</summary>
    public sealed record OpenToAnyone(string RequestId, string RequesterId) : Refusal((SwapRequest?)null);

    /// <summary>Only the counterpart (or a manager or admin) may answer.</summary>
    public sealed record NotTheCounterpart(string RequestId, string CounterpartId) : Refusal((SwapRequest?)null);

    /// <summary>Only the two people in the request (or a manager or admin) may undo it.</summary>
    public sealed record NotAParty(string RequestId) : Refusal((SwapRequest?)null);

    /// <summary>A repeat: the request was already approved, declined, cancelled, expired or undone.</summary>
    public sealed record AlreadyDecided(SwapRequest Request) : Refusal(Request);

    /// <summary>A repeat of undo.</summary>
    public sealed record AlreadyUndone(SwapRequest Request) : Refusal(Request);

    /// <summary>Undo of a request that is not approved.</summary>
    public sealed record NotApproved(SwapRequest Request) : Refusal(Request);

    /// <summary>The request's shift has started: it can no longer be answered.</summary>
    public sealed record RanOut(SwapRequest Request) : Refusal(Request);

    /// <summary>The shift of an approved request has started: it can no longer be undone.</summary>
    public sealed record Started(SwapRequest Request) : Refusal(Request);

    /// <summary>The request expires later, not yet.</summary>
    public sealed record NotYetDue(SwapRequest Request) : Refusal(Request);

    /// <summary>Someone in the request has left the roster.</summary>
    public sealed record PersonGone(SwapRequest Request) : Refusal(Request);

    /// <summary>The trade stopped being possible since it was asked.</summary>
    public sealed record CannotApprove(SwapRequest Request, TradeProblem Problem) : Refusal(Request);
}
