using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>The sentence for the person who asked or clicked, for each typed swap result.</summary>
public sealed partial class SwapMessages
{
    private const string NothingChanged = " Nothing was changed.";

    /// <summary>One sentence saying what <paramref name="result"/> did, or why nothing changed.</summary>
    public string Say(SwapResult result) => result switch
    {
        SwapResult.Opened { Request: { } r } => r.CounterpartId is null
            ? $"Request {r.Id} is posted in the team channel for anyone to take."
            : $"Request {r.Id} is sent: I asked {Name(r.CounterpartId)} in a direct message and posted it in the team channel.",
        SwapResult.Approved { Request: { } r, Taken: true } => $"Thanks: you now cover {Name(r.RequesterId)}'s shift. Everyone is told.",
        SwapResult.Approved => "Approved: the schedule is updated and everyone is told.",
        SwapResult.Declined or SwapResult.Cancelled => $"Request {result.Request!.Id} is {Status(result.Request)}. The schedule is unchanged.",
        SwapResult.Undone { Request: { } r } => $"Undone: the schedule is back as it was before request {r.Id}.",
        SwapResult.Expired { Request: { } r } => $"Request {r.Id} expired: nobody answered before the shift started.",
        SwapResult.Refusal refusal => Refusal(refusal),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "not a swap result"),
    };

    private string Refusal(SwapResult.Refusal refusal) => refusal switch
    {
        SwapResult.NotOnRoster => "I don't know who you are, so I can't act on swaps for you. Ask an admin to add you to the roster." + NothingChanged,
        SwapResult.NoSuchRequest { RawId: var raw } => $"There is no swap or cover request \"{Trim(raw)}\". ⟦oncall⟧ swaps lists the open ones." + NothingChanged,
        SwapResult.NotAllowedOnBehalf => "Only a manager or admin can ask on someone else's behalf." + NothingChanged,
        SwapResult.TradeBlocked { Problem: var problem } => Say(problem) + NothingChanged,
        SwapResult.NoShiftToTrade x => $"{x.Counterpart.Name} has no upcoming shift to trade.",
        SwapResult.NoShiftWorks x => $"None of {x.Counterpart.FirstName}'s upcoming shifts works: {Say(x.First)}",
        SwapResult.NotTheRequester x => $"Only {Name(x.RequesterId)}, who asked, can cancel request {x.RequestId}." + NothingChanged,
        SwapResult.OwnRequest x => $"You asked for request {x.RequestId}, so you can't answer it yourself; cancel it with ⟦oncall⟧ swap cancel {x.RequestId} if you no longer need it." + NothingChanged,
        SwapResult.OpenToAnyone x => $"Request {x.RequestId} is open to anyone: it can't be declined; {Name(x.RequesterId)} can cancel it." + NothingChanged,
        SwapResult.NotTheCounterpart x => $"Only {Name(x.CounterpartId)} (or a manager or admin) can answer request {x.RequestId}." + NothingChanged,
        SwapResult.NotAParty x => $"Only the two people in request {x.RequestId} (or a manager or admin) can undo it." + NothingChanged,
        SwapResult.AlreadyDecided { Request: { } r } => $"Request {r.Id} is already {Status(r)}. Nothing else changed.",
        SwapResult.AlreadyUndone { Request: { } r } => $"Request {r.Id} was already undone. Nothing else changed.",
        SwapResult.NotApproved { Request: { } r } => $"Request {r.Id} is {Status(r)}, not approved, so there is nothing to undo.",
        SwapResult.RanOut { Request: { } r } => $"Request {r.Id} ran out: its shift has started." + NothingChanged,
        SwapResult.Started { Request: { } r } => $"The shift in request {r.Id} has started, so it can no longer be undone. Ask for a new swap or cover instead.",
        SwapResult.NotYetDue { Request: { } r } => $"Request {r.Id} is still open until its shift starts." + NothingChanged,
        SwapResult.PersonGone { Request: { } r } => $"Someone in request {r.Id} is no longer on the roster." + NothingChanged,
        SwapResult.CannotApprove { Request: { } r, Problem: var problem } => $"I can't approve request {r.Id}: {Say(problem)}" + NothingChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "not a swap refusal"),
    };

    /// <summary>One sentence saying why a trade cannot happen now.</summary>
    public string Say(TradeProblem problem) => problem switch
    {
        TradeProblem.ShiftStarted => "That shift has already started; ask for a cover of the rest of it (⟦oncall⟧ cover <from> <to>).",
        TradeProblem.SlotOver => "That slot is already over.",
        TradeProblem.NoLongerHeld x => $"{x.Requester.Name} is not {Lower(x.Role)} at {When(x.At, x.Now)} any more: the schedule changed.",
        TradeProblem.WithYourself => "You can't trade a shift with yourself.",
        TradeProblem.SameShift x => $"You and {x.Counterpart.Name} are on the same shift; pick another of theirs with \"for <date>\".",
        TradeProblem.NotOnCallThen x => $"{x.Counterpart.Name} is not on call at {When(x.At, x.Now)}.",
        TradeProblem.NotInRotation x => $"{x.Taker.Name} is not in the on-call rotation.",
        TradeProblem.Leaves x => $"{x.Taker.Name} leaves the team on {TimeText.Date(x.On)}.",
        TradeProblem.NotJoinedYet x => $"{x.Taker.Name} can be on call only from {TimeText.Date(x.From)}.",
        TradeProblem.Away x => $"{x.Taker.Name} is off {TimeText.ShortDate(x.From)} – {TimeText.ShortDate(x.To)}.",
        TradeProblem.HoldsOtherRole { Planned: true } x => $"{x.Taker.Name} is {Lower(x.Other)} then, and nobody is primary and secondary at once.",
        TradeProblem.HoldsOtherRole x => $"{x.Taker.Name} already covers {Lower(x.Other)} then, and nobody is primary and secondary at once.",
        TradeProblem.AlreadyAsked x => $"Request {x.RequestId} already asks to trade that shift; cancel it (⟦oncall⟧ swap cancel {x.RequestId}) or wait for the answer.",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "not a trade problem"),
    };

    /// <summary>The audit trail's line for <paramref name="action"/> on <paramref name="r"/> (the request after it).</summary>
    public string Summary(SwapAction action, SwapRequest r) => action switch
    {
        SwapAction.Requested when r.TimeOffId is not null && r.CreatedById == SwapRequest.BotActor => "cover requested from anyone: time off left the slot uncovered",
        SwapAction.Requested => $"{Noun(r).ToLowerInvariant()} requested" + (r.CounterpartId is null ? " from anyone" : $" from {Name(r.CounterpartId)}"),
        SwapAction.Taken or SwapAction.Approved => $"{SwapJournal.Word(action)}: {Name(r.CounterpartId)} takes {Name(r.RequesterId)}'s {Lower(r.RequesterRole)} shift",
        SwapAction.Undone => "undone: the original schedule is back",
        SwapAction.Expired => "expired: nobody answered before the shift started",
        _ => SwapJournal.Word(action),
    };

    private static string Lower(Schedule.ShiftRole role) => role.ToString().ToLowerInvariant();

    private string Name(string? engineerId) => roster.Find(engineerId)?.Name ?? engineerId ?? "";

    private static string Status(SwapRequest r) => r.Status.ToString().ToLowerInvariant();

    private static string Trim(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
