using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.Swaps;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>
/// Team changes from chat: an admin proposes one, sees what it will do, and confirms it; the change and everything it
/// causes commit in one unit of work. Identity links need no confirmation (they move no shift).
/// </summary>
public sealed class TeamService(
    IOnCallStore store,
    RosterChanges changes,
    TeamChangeRules rules,
    TeamMessages messages,
    TeamAdmins admins,
    TeamClock clock)
{
    /// <summary>A proposal not confirmed within this long expires.</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromDays(1);

    /// <summary>Checks and stores <paramref name="draft"/> as pending; the reply is its confirmation card (or why not).</summary>
    public Reply Propose(Engineer? actor, TeamChangeRequest draft)
    {
        if (!admins.IsAdmin(actor))
        {
            return Reply.Error(TeamAdmins.Refusal);
        }

        if (rules.Invalid(store, draft) is { } error)
        {
            return Reply.Error(error, "Nothing was changed.");
        }

        var request = draft with { Id = SwapIds.New(), RequestedById = actor!.Id, CreatedAt = clock.Now, Status = TeamChangeStatus.Pending };
        store.Write(tx => tx.Set<TeamChangeRequest>().TryInsert(request));
        return messages.Preview(request, rules.Effects(store, request));
    }

    /// <summary>Makes a pending change. A second press, another admin's press after it, or a stale request changes nothing.</summary>
    public ActionResult Confirm(string id, Engineer? actor)
    {
        if (!admins.IsAdmin(actor))
        {
            return new ActionResult(null, TeamAdmins.Refusal);
        }

        try
        {
            return store.Write(tx =>
            {
                var r = tx.Set<TeamChangeRequest>().Get(SwapIds.Normalize(id) ?? "");
                if (r is null)
                {
                    return new ActionResult(null, $"I can't find team change {id}. Nothing was changed.");
                }

                if (r.Kind == TeamChangeKind.LinkMe)
                {
                    return new ActionResult(null, $"{r.Id} is a link request; press Approve or Decline on it (or ⟦oncall⟧ link approve {r.Id}). Nothing was changed.");
                }

                if (r.Status != TeamChangeStatus.Pending)
                {
                    return new ActionResult(null, $"Team change {r.Id} was already {(r.Status == TeamChangeStatus.Applied ? "made" : "cancelled")}. Nothing else changed.");
                }

                var now = clock.Now;
                if (now - r.CreatedAt > ConfirmWithin)
                {
                    var expired = r with { Status = TeamChangeStatus.Cancelled, DecidedAt = now, DecidedById = actor!.Id };
                    tx.Set<TeamChangeRequest>().Upsert(expired);
                    return new ActionResult(messages.Decided(expired, "It expired before anyone confirmed it; ask again."), "That change expired. Nothing was changed.");
                }

                if (rules.Invalid(tx, r) is { } error)
                {
                    throw new TeamChangeException(error);
                }

                var result = Apply(tx, r, actor!.Id);
                var applied = r with { Status = TeamChangeStatus.Applied, DecidedAt = now, DecidedById = actor.Id };
                tx.Set<TeamChangeRequest>().Upsert(applied);
                var moved = result.Moved.Count;
                return new ActionResult(
                    messages.Decided(applied, $"Done: {moved} {(moved == 1 ? "person was" : "people were")} told their shifts moved; the channel has the details."),
                    $"Done. {messages.Describe(applied)}.");
            });
        }
        catch (TeamChangeException ex)
        {
            return new ActionResult(null, $"{ex.Message} Nothing was changed.");
        }
    }

    /// <summary>Drops a pending change.</summary>
    public ActionResult Cancel(string id, Engineer? actor)
    {
        if (!admins.IsAdmin(actor))
        {
            return new ActionResult(null, TeamAdmins.Refusal);
        }

        return store.Write(tx =>
        {
            var r = tx.Set<TeamChangeRequest>().Get(SwapIds.Normalize(id) ?? "");
            if (r is not { Status: TeamChangeStatus.Pending })
            {
                return new ActionResult(null, r is null ? $"I can't find team change {id}." : $"Team change {r.Id} is no longer pending. Nothing was changed.");
            }

            var cancelled = r with { Status = TeamChangeStatus.Cancelled, DecidedAt = clock.Now, DecidedById = actor!.Id };
            tx.Set<TeamChangeRequest>().Upsert(cancelled);
            return new ActionResult(messages.Decided(cancelled, "Cancelled: nothing was changed."), "Cancelled.");
        });
    }

    /// <summary>Links a chat identity to an engineer by hand (when matching by email failed).</summary>
    public Reply Link(Engineer? actor, Engineer target, string? slackUserId, string? teamsUserId)
    {
        if (!admins.IsAdmin(actor))
        {
            return Reply.Error(TeamAdmins.Refusal);
        }

        var error = store.Write(tx => LinkIn(tx, actor!, target, slackUserId, teamsUserId));
        var what = slackUserId is not null ? $"Slack user {slackUserId}" : $"Teams user {teamsUserId}";
        return error is not null
            ? Reply.Error(error)
            : new ReplyBuilder().Tone(ReplyTone.Success).Text($"Linked {what} to {target.Name}. Messages from that user now count as {target.FirstName}.").Build();
    }

    /// <summary>
    /// Links the identity inside <paramref name="tx"/>, audited and posted; returns why not (the identity already
    /// belongs to someone else) and writes nothing then. <paramref name="actor"/> must be an admin.
    /// </summary>
    public string? LinkIn(IStoreTransaction tx, Engineer actor, Engineer target, string? slackUserId, string? teamsUserId)
    {
        var taken = tx.Set<Engineer>().All().FirstOrDefault(e => e.Id != target.Id
            && ((slackUserId is not null && e.SlackUserId == slackUserId) || (teamsUserId is not null && (e.TeamsUserId == teamsUserId || e.TeamsAadObjectId == teamsUserId))));
        if (taken is not null)
        {
            return $"That identity is already linked to {taken.Name}. Nothing was changed.";
        }

        var what = slackUserId is not null ? $"Slack user {slackUserId}" : $"Teams user {teamsUserId}";
        var current = tx.Set<Engineer>().Get(target.Id) ?? target;
        tx.Set<Engineer>().Upsert(slackUserId is not null
            ? current with { SlackUserId = slackUserId }
            : current with { TeamsUserId = teamsUserId!.StartsWith("29:", StringComparison.Ordinal) ? teamsUserId : current.TeamsUserId, TeamsAadObjectId = teamsUserId.StartsWith("29:", StringComparison.Ordinal) ? current.TeamsAadObjectId : teamsUserId });
        var summary = $"linked {what} to {target.Name}";
        changes.Record(tx, $"team:link:{target.Id}:{clock.Now.ToUnixTimeMilliseconds()}:{SwapIds.New()}", "linked", actor.Id, target.Id, summary,
            new ReplyBuilder().Heading($"Team change: {target.Name} linked").Text($"{actor.Name} {summary}.").Build());
        return null;
    }

    private TeamChangeResult Apply(IStoreTransaction tx, TeamChangeRequest r, string actorId)
    {
        var engineers = tx.Set<Engineer>();
        var today = clock.LocalDate(clock.Now);
        var before = engineers.Get(r.EngineerId);
        TeamChangeResult result;
        string action;
        switch (r.Kind)
        {
            case TeamChangeKind.Add:
                engineers.TryInsert(new Engineer
                {
                    Id = r.EngineerId,
                    Name = r.Name!,
                    Seniority = r.Seniority ?? Seniority.MidLevel,
                    TimeZone = r.TimeZone,
                    SlackUserId = r.SlackUserId,
                    JoinedOn = today,
                });
                result = changes.Replan(tx, RegenerationMode.Rebalance, [], []);
                action = "joined";
                break;
            case TeamChangeKind.Leave:
                engineers.Upsert(before! with { LeftOn = r.On });
                var ownership = RosterChanges.HandOver(tx, r.EngineerId, r.On!.Value);
                result = changes.Replan(tx, RegenerationMode.Rebalance, [r.EngineerId], ownership);
                action = "left";
                break;
            case TeamChangeKind.Rejoin:
                engineers.Upsert(before! with { LeftOn = null, JoinedOn = today });
                result = changes.Replan(tx, RegenerationMode.Rebalance, [], []);
                action = "rejoined";
                break;
            default:
                engineers.Upsert(r.Field switch
                {
                    "seniority" => before! with { Seniority = r.Seniority ?? before.Seniority },
                    "timezone" => before! with { TimeZone = r.TimeZone },
                    _ => before! with { Name = r.Name ?? before.Name },
                });
                result = r.Field == "seniority" ? changes.Replan(tx, RegenerationMode.Minimal, [], []) : TeamChangeResult.None;
                action = "edited";
                break;
        }

        var summary = messages.Describe(r);
        changes.Record(tx, $"team:{r.Id}", action, actorId, r.EngineerId, summary, messages.Post($"Team change: {summary}", actorId, result));
        return result;
    }
}
