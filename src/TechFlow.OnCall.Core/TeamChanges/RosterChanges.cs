using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.Swaps;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>
/// What every roster change causes, inside the unit of work that makes it: the re-plan from the first unfrozen week
/// (everyone moved is told), an open cover request for each slot a leaver still holds in the frozen weeks, pipeline
/// ownership handed over, the audit entry and the channel post. Used by the chat commands and by <c>reseed</c>.
/// </summary>
public sealed class RosterChanges(
    ScheduleRegenerator regenerator,
    EffectiveSchedule effective,
    SwapRequestWriter requests,
    SwapSchedule swaps,
    Outbox outbox,
    TeamClock clock)
{
    /// <summary>The <see cref="SwapRequest.TimeOffId"/> prefix of a cover opened because its engineer left the team.</summary>
    public const string LeftPrefix = "left:";

    /// <summary>
    /// Re-plans the unfrozen future (<see cref="RegenerationMode.Rebalance"/> when someone joined, so they get their
    /// fair share at once) and opens a cover request for every slot one of <paramref name="leavers"/> still holds.
    /// </summary>
    public TeamChangeResult Replan(IStoreTransaction tx, RegenerationMode mode, IReadOnlyCollection<string> leavers, IReadOnlyList<string> ownership)
    {
        var regeneration = regenerator.Regenerate(tx, mode);
        var covers = new List<SwapRequest>();
        if (leavers.Count > 0)
        {
            var now = clock.Now;
            var gaps = effective.Between(tx, now, now.AddDays(7 * clock.Settings.PlanAheadWeeks))
                .Where(s => s.IsUncovered && s.Reason == SliceReason.LeftTeam && s.Away is { } away && leavers.Contains(away.Id) && s.End > now)
                .ToList();
            foreach (var gap in gaps)
            {
                var slot = new SwapSlot(gap.Away!.Id, gap.Role, gap.Start, gap.End);
                if (swaps.ConflictingOpen([slot]) is null)
                {
                    covers.Add(requests.OpenForTimeOff(tx, gap.Away.Id, slot, LeftPrefix + gap.Away.Id, now));
                }
            }
        }

        return new TeamChangeResult(regeneration, covers, ownership);
    }

    /// <summary>Gives away the pipelines <paramref name="leaverId"/> owns; the notes say who owns them now.</summary>
    /// <exception cref="TeamChangeException">Nobody would be left to own one of them.</exception>
    public static IReadOnlyList<string> HandOver(IStoreTransaction tx, string leaverId, DateOnly asOf)
    {
        var plan = OwnershipHandover.Plan(tx.Set<Engineer>().All(), tx.Set<Pipeline>().All(), leaverId, asOf, out var error);
        if (error is not null)
        {
            throw new TeamChangeException(error);
        }

        foreach (var handover in plan)
        {
            tx.Set<Pipeline>().Upsert(handover.After);
        }

        return [.. plan.Select(h => h.Note)];
    }

    /// <summary>Adds the audit entry <paramref name="id"/> (once) and posts <paramref name="post"/> to the team channel.</summary>
    public void Record(IStoreTransaction tx, string id, string action, string actorId, string? subjectId, string summary, Reply post)
    {
        var now = clock.Now;
        tx.Set<TeamAuditEntry>().TryInsert(new TeamAuditEntry
        {
            Id = id,
            Action = action,
            ActorId = actorId,
            SubjectId = subjectId,
            At = now,
            Summary = summary,
        });
        outbox.Enqueue(tx, new OutboxMessage { Id = $"{id}:channel", Kind = "team", Reply = post with { InChannel = true }, CreatedAt = now });
    }
}

/// <summary>A team change that cannot be made as asked; the message says why, and nothing was changed.</summary>
public sealed class TeamChangeException(string message) : Exception(message);
