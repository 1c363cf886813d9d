namespace TechFlow.OnCall.Core.Swaps;

/// <summary>
/// The request's own state changes: each returns the request it becomes, or why it stays as it is. Who may act is
/// checked before (<see cref="SwapRules.Authorise"/>); whether the schedule still allows a trade, after
/// (<see cref="SwapRules.Check"/>). Only <see cref="SwapStatus.Open"/> requests are answered or expire, and only
/// <see cref="SwapStatus.Approved"/> ones are undone, so a repeat changes nothing.
/// </summary>
public sealed partial record SwapRequest
{
    /// <summary>The actor id the bot uses for what it does on its own (expiry).</summary>
    public const string BotActor = "oncall-bot";

    /// <summary>
    /// Approves (or, for an open cover, takes) the request before its shift starts. The taker of an open cover is
    /// <paramref name="actorId"/>.
    /// </summary>
    /// <param name="onBehalfOfId">The counterpart, when a manager or admin answers for them.</param>
    public SwapResult Approve(string actorId, string? onBehalfOfId, DateTimeOffset now) =>
        Answerable(now) ?? new SwapResult.Approved(
            this with
            {
                Status = SwapStatus.Approved,
                CounterpartId = CounterpartId ?? actorId,
                DecidedAt = now,
                DecidedById = actorId,
                DecidedOnBehalfOfId = onBehalfOfId,
            },
            Taken: CounterpartId is null);

    public SwapResult Decline(string actorId, string? onBehalfOfId, DateTimeOffset now) =>
        Answerable(now) ?? new SwapResult.Declined(Decided(SwapStatus.Declined, actorId, onBehalfOfId, now));

    /// <param name="onBehalfOfId">The requester, when someone else who asked for them cancels.</param>
    public SwapResult Cancel(string actorId, string? onBehalfOfId, DateTimeOffset now) =>
        Answerable(now) ?? new SwapResult.Cancelled(Decided(SwapStatus.Cancelled, actorId, onBehalfOfId, now));

    /// <summary>Nobody answered before the shift started: the bot closes the request.</summary>
    public SwapResult Expire(DateTimeOffset now) =>
        Status != SwapStatus.Open ? new SwapResult.AlreadyDecided(this)
        : now < ExpiresAt ? new SwapResult.NotYetDue(this)
        : new SwapResult.Expired(Decided(SwapStatus.Expired, BotActor, null, now));

    /// <summary>Undoes an approved request before its shift starts (the caller cancels the overrides it set).</summary>
    public SwapResult Undo(string actorId, DateTimeOffset now) =>
        Status == SwapStatus.Undone ? new SwapResult.AlreadyUndone(this)
        : Status != SwapStatus.Approved ? new SwapResult.NotApproved(this)
        : now >= ExpiresAt ? new SwapResult.Started(this)
        : new SwapResult.Undone(this with { Status = SwapStatus.Undone, UndoneAt = now, UndoneById = actorId });

    /// <summary>The daily reminder of an open cover for time off was posted under <paramref name="key"/>; the next is due after <paramref name="every"/>, or at expiry.</summary>
    public SwapRequest RemindedDaily(DateTimeOffset now, string key, TimeSpan every) =>
        this with { RemindedAt = now, RemindAt = now + every < ExpiresAt ? now + every : ExpiresAt, MessageKeys = [.. MessageKeys, key] };

    /// <summary>The one reminder of a request was sent under <paramref name="key"/>.</summary>
    public SwapRequest RemindedOnce(DateTimeOffset now, string key) => this with { RemindedAt = now, MessageKeys = [.. MessageKeys, key] };

    /// <summary>The engineering manager was told that the slot is still uncovered.</summary>
    public SwapRequest ManagerWarned(DateTimeOffset now) => this with { ManagerWarnedAt = now };

    /// <summary>Why the request can no longer be answered, or null while it can.</summary>
    private SwapResult? Answerable(DateTimeOffset now) =>
        Status != SwapStatus.Open ? new SwapResult.AlreadyDecided(this)
        : now >= ExpiresAt ? new SwapResult.RanOut(this)
        : null;

    private SwapRequest Decided(SwapStatus status, string actorId, string? onBehalfOfId, DateTimeOffset now) =>
        this with { Status = status, DecidedAt = now, DecidedById = actorId, DecidedOnBehalfOfId = onBehalfOfId };
}
