using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>
/// Why a trade cannot happen now (<see cref="SwapRules.Check"/>, <see cref="SwapSchedule.Problem"/>), typed;
/// <see cref="SwapMessages.Say(TradeProblem)"/> words each one.
/// </summary>
public abstract record TradeProblem
{
    /// <summary>The shift (or the one given back) has started; only a cover of the rest of it is possible.</summary>
    public sealed record ShiftStarted : TradeProblem;

    /// <summary>A slot that may be taken after its start (a cover for time off) is over.</summary>
    public sealed record SlotOver : TradeProblem;

    /// <summary>The requester no longer holds <paramref name="Role"/> at <paramref name="At"/>: the schedule changed.</summary>
    public sealed record NoLongerHeld(Engineer Requester, ShiftRole Role, DateTimeOffset At, DateTimeOffset Now) : TradeProblem;

    public sealed record WithYourself : TradeProblem;

    /// <summary>The shift given back overlaps the one traded away.</summary>
    public sealed record SameShift(Engineer Counterpart) : TradeProblem;

    /// <summary>The counterpart does not hold the shift they would give back.</summary>
    public sealed record NotOnCallThen(Engineer Counterpart, DateTimeOffset At, DateTimeOffset Now) : TradeProblem;

    public sealed record NotInRotation(Engineer Taker) : TradeProblem;

    /// <summary>The taker leaves the team on or before the last day of the slot.</summary>
    public sealed record Leaves(Engineer Taker, DateOnly On) : TradeProblem;

    /// <summary>The taker joins after the first day of the slot.</summary>
    public sealed record NotJoinedYet(Engineer Taker, DateOnly From) : TradeProblem;

    /// <summary>The taker has time off during the slot.</summary>
    public sealed record Away(Engineer Taker, DateOnly From, DateOnly To) : TradeProblem;

    /// <summary>The taker holds the other role then (as planned, or by a cover): nobody is primary and secondary at once.</summary>
    public sealed record HoldsOtherRole(Engineer Taker, ShiftRole Other, bool Planned) : TradeProblem;

    /// <summary>An open request already trades one of the slots.</summary>
    public sealed record AlreadyAsked(string RequestId) : TradeProblem;
}
