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
        SwapResult.NoSuchRequest { RawId: var raw } => $"There is no swap or cover request \"{Trim(raw)}\". /oncall swaps lists the open ones." + NothingChanged,
        SwapResult.NotAllowedOnBehalf => "Only a manager or admin can ask on someone else's behalf." + NothingChanged,
        SwapResult.TradeBlocked { Reason: var reason } => reason + NothingChanged,
        SwapResult.NotTheRequester x => $"Only {Name(x.RequesterId)}, who asked, can cancel request {x.RequestId}." + NothingChanged,
        SwapResult.OwnRequest x => $"You asked for request {x.RequestId}, so you can't answer it yourself; cancel it with /oncall swap cancel {x.RequestId} if you no longer need it." + NothingChanged,
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
        SwapResult.CannotApprove { Request: { } r, Reason: var reason } => $"I can't approve request {r.Id}: {reason}" + NothingChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "not a swap refusal"),
    };

    private string Name(string? engineerId) => roster.Find(engineerId)?.Name ?? engineerId ?? "";

    private static string Status(SwapRequest r) => r.Status.ToString().ToLowerInvariant();

    private static string Trim(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
