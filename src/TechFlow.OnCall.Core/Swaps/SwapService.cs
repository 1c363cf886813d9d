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
    SwapMessages messages,
    Announcements.Outbox outbox,
    SwapSettings settings)
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
            var reason = Check(requester, mine, counterpart, theirs, now);
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
            if (!isParty && !IsBoss(actor))
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
            Audit(tx, undone, "undone", actor.Id, isParty ? null : r.RequesterId, now, "undone: the original schedule is back");
            Announce(tx, undone, "undone", now, [undone.RequesterId, undone.CounterpartId], channel: true);
            return new SwapOutcome(undone, true, $"Undone: the schedule is back as it was before request {r.Id}.");
        });
        return outcome;
    }

    /// <summary>Reminds about open requests whose reminder is due and expires those whose shift has started. Idempotent.</summary>
    public int RunDue(DateTimeOffset now)
    {
        var changed = 0;
        foreach (var due in store.Set<SwapRequest>().Find(r => r.Status == SwapStatus.Open && r.RemindAt <= now))
        {
            var outcome = store.Write(tx =>
            {
                var r = tx.Set<SwapRequest>().Get(due.Id);
                if (r is not { Status: SwapStatus.Open })
                {
                    return false;
                }

                if (r.ExpiresAt <= now)
                {
                    var expired = r with { Status = SwapStatus.Expired, DecidedAt = now, DecidedById = BotActor };
                    tx.Set<SwapRequest>().Upsert(expired);
                    Audit(tx, expired, "expired", BotActor, null, now, "expired: nobody answered before the shift started");
                    Announce(tx, expired, "expired", now, [expired.RequesterId], channel: false);
                    return true;
                }

                if (r.RemindedAt is not null)
                {
                    return false;
                }

                var key = $"swap:{r.Id}:reminder";
                var reminded = r with { RemindedAt = now, MessageKeys = [.. r.MessageKeys, key] };
                tx.Set<SwapRequest>().Upsert(reminded);
                outbox.Enqueue(tx, new OutboxMessage { Id = key, Kind = "swap", DirectTo = r.CounterpartId, Reply = messages.Reminder(reminded, now) });
                return true;
            });
            changed += outcome ? 1 : 0;
        }

        return changed;
    }

    private const string NotKnown = "I don't know who you are, so I can't act on swaps for you. Ask an admin to add you to the roster. Nothing was changed.";

    private SwapOutcome Create(Engineer actor, Engineer requester, SwapSlot mine, Engineer? counterpart, SwapSlot? theirs, DateTimeOffset now)
    {
        if (actor.Id != requester.Id && !IsBoss(actor))
        {
            return SwapOutcome.Refused($"Only a manager or admin can ask on someone else's behalf. Nothing was changed.");
        }

        var outcome = store.Write(tx =>
        {
            var reason = Check(requester, mine, counterpart, theirs, now);
            if (reason is not null)
            {
                return SwapOutcome.Refused(reason + " Nothing was changed.");
            }

            var id = SwapIds.New();
            while (tx.Set<SwapRequest>().Get(id) is not null)
            {
                id = SwapIds.New();
            }

            var expires = theirs is not null && theirs.Start < mine.Start ? theirs.Start : mine.Start;
            // Asked less than a reminder's lead before the shift: the ask itself is the reminder.
            var remindAt = expires.AddHours(-Math.Max(0, settings.ReminderHours));
            var keys = new List<string>();
            if (counterpart is not null)
            {
                keys.Add($"swap:{id}:request:dm");
            }

            keys.Add($"swap:{id}:request:channel");
            var request = new SwapRequest
            {
                Id = id,
                Kind = theirs is null ? SwapKind.Cover : SwapKind.Swap,
                RequesterId = requester.Id,
                CounterpartId = counterpart?.Id,
                CreatedById = actor.Id,
                RequesterRole = mine.Role,
                RequesterStart = mine.Start,
                RequesterEnd = mine.End,
                CounterpartRole = theirs?.Role,
                CounterpartStart = theirs?.Start,
                CounterpartEnd = theirs?.End,
                CreatedAt = now,
                ExpiresAt = expires,
                RemindAt = remindAt,
                RemindedAt = remindAt <= now ? now : null,
                MessageKeys = keys,
            };
            tx.Set<SwapRequest>().TryInsert(request);
            var ask = messages.Ask(request, now);
            if (counterpart is not null)
            {
                outbox.Enqueue(tx, new OutboxMessage { Id = $"swap:{id}:request:dm", Kind = "swap", DirectTo = counterpart.Id, Reply = ask });
            }

            outbox.Enqueue(tx, new OutboxMessage { Id = $"swap:{id}:request:channel", Kind = "swap", Reply = ask });
            if (actor.Id != requester.Id)
            {
                outbox.Enqueue(tx, new OutboxMessage { Id = $"swap:{id}:request:dm-requester", Kind = "swap", DirectTo = requester.Id, Reply = messages.Ask(request, now, forRequester: true) });
            }

            Audit(tx, request, "requested", actor.Id, actor.Id == requester.Id ? null : requester.Id, now,
                $"{SwapMessages.Noun(request).ToLowerInvariant()} requested" + (counterpart is null ? " from anyone" : $" from {counterpart.Name}"));
            return new SwapOutcome(request, true, counterpart is null
                ? $"Request {id} is posted in the team channel for anyone to take."
                : $"Request {id} is sent: I asked {counterpart.Name} in a direct message and posted it in the team channel.");
        });
        return outcome;
    }

    /// <summary>Why the trade cannot happen now, or null. Run inside the unit of work that acts on the answer.</summary>
    private string? Check(Engineer requester, SwapSlot mine, Engineer? counterpart, SwapSlot? theirs, DateTimeOffset now, string? exceptId = null)
    {
        if (mine.Start <= now || theirs is { } t && t.Start <= now)
        {
            return "That shift has already started; ask for a cover of the rest of it (/oncall cover <from> <to>).";
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

            var (allowed, onBehalfOf, refusal) = Authorise(r, actor, to);
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

    private (bool Allowed, string? OnBehalfOf, string? Refusal) Authorise(SwapRequest r, Engineer actor, SwapStatus to)
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
            return (false, null, $"You asked for request {r.Id}, so you can't answer it yourself; cancel it with /oncall swap cancel {r.Id} if you no longer need it.");
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

    private SwapOutcome ApproveIn(IStoreTransaction tx, SwapRequest r, Engineer actor, string? onBehalfOf, DateTimeOffset now)
    {
        var requester = roster.Find(r.RequesterId);
        var taker = r.CounterpartId is null ? actor : roster.Find(r.CounterpartId);
        if (requester is null || taker is null)
        {
            return SwapOutcome.Refused($"Someone in request {r.Id} is no longer on the roster. Nothing was changed.", r);
        }

        var mine = r.RequesterSlot();
        var theirs = r.CounterpartSlot();
        var reason = Check(requester, mine, taker, theirs, now, exceptId: r.Id);
        if (reason is not null)
        {
            return SwapOutcome.Refused($"I can't approve request {r.Id}: {reason} Nothing was changed.", r);
        }

        var n = 0;
        foreach (var (slot, takerId) in r.Slots().Select(s => (s, s.EngineerId == r.RequesterId ? taker.Id : r.RequesterId)))
        {
            tx.Set<ScheduleOverride>().TryInsert(new ScheduleOverride
            {
                Id = $"swap:{r.Id}:{++n}",
                Start = slot.Start,
                End = slot.End,
                Role = slot.Role,
                EngineerId = takerId,
                ReplacesId = slot.EngineerId,
                Reason = $"{SwapMessages.Noun(r).ToLowerInvariant()} {r.Id}",
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
        Audit(tx, approved, action, actor.Id, onBehalfOf, now, $"{action}: {taker.Name} takes {requester.Name}'s {r.RequesterRole.ToString().ToLowerInvariant()} shift");
        Announce(tx, approved, "approved", now, [approved.RequesterId, approved.CounterpartId], channel: true);
        return new SwapOutcome(approved, true, r.CounterpartId is null
            ? $"Thanks: you now cover {requester.Name}'s shift. Everyone is told."
            : $"Approved: the schedule is updated and everyone is told.");
    }

    private SwapOutcome Close(IStoreTransaction tx, SwapRequest r, Engineer actor, string? onBehalfOf, DateTimeOffset now, SwapStatus status, string action, IReadOnlyList<string?> tell)
    {
        var closed = r with { Status = status, DecidedAt = now, DecidedById = actor.Id, DecidedOnBehalfOfId = onBehalfOf };
        tx.Set<SwapRequest>().Upsert(closed);
        Audit(tx, closed, action, actor.Id, onBehalfOf, now, action);
        Announce(tx, closed, action, now, tell, channel: false);
        return new SwapOutcome(closed, true, $"Request {r.Id} is {action}. The schedule is unchanged.");
    }

    /// <summary>Updates the request's messages in place and tells <paramref name="tell"/> (and the channel) what happened.</summary>
    private void Announce(IStoreTransaction tx, SwapRequest r, string what, DateTimeOffset now, IReadOnlyList<string?> tell, bool channel)
    {
        var outcome = messages.Outcome(r, now);
        foreach (var key in r.MessageKeys)
        {
            var original = tx.Set<OutboxMessage>().Get(key);
            outbox.Enqueue(tx, new OutboxMessage
            {
                Id = $"{key}:{what}",
                Kind = "swap",
                DirectTo = original?.DirectTo,
                Channel = original?.Channel,
                Updates = key,
                Reply = outcome,
            });
        }

        foreach (var person in tell.OfType<string>().Distinct())
        {
            outbox.Enqueue(tx, new OutboxMessage
            {
                Id = $"swap:{r.Id}:{what}:dm:{person}",
                Kind = "swap",
                DirectTo = person,
                Reply = messages.Outcome(r, now, undoButton: what == "approved"),
            });
        }

        if (channel)
        {
            outbox.Enqueue(tx, new OutboxMessage { Id = $"swap:{r.Id}:{what}:channel", Kind = "swap", Reply = outcome });
        }
    }

    private static void Audit(IStoreTransaction tx, SwapRequest r, string action, string actorId, string? onBehalfOf, DateTimeOffset now, string summary) =>
        tx.Set<SwapAuditEntry>().TryInsert(new SwapAuditEntry
        {
            Id = $"{r.Id}:{action}",
            RequestId = r.Id,
            Action = action,
            ActorId = actorId,
            OnBehalfOfId = onBehalfOf,
            At = now,
            People = [.. new[] { r.RequesterId, r.CounterpartId, r.CreatedById, actorId }.OfType<string>().Distinct()],
            Summary = summary,
        });

    private static bool IsBoss(Engineer engineer) => engineer.IsManager || engineer.IsAdmin;

    private static SwapOutcome NoSuchRequest(string rawId) =>
        SwapOutcome.Refused($"There is no swap or cover request \"{Trim(rawId)}\". /oncall swaps lists the open ones. Nothing was changed.");

    private static string Trim(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
