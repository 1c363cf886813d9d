using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.Swaps;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>
/// <c>oncall link me &lt;engineer&gt;</c>: a Slack or Teams user the bot could not match asks to be linked; every admin
/// gets a direct message with Approve and Decline. Approving links the identity (audited and posted, as
/// <c>oncall link</c>); declining, a second press, or a request older than a day changes nothing.
/// </summary>
public sealed class LinkRequests(
    IOnCallStore store, RosterService roster, TeamService team, TeamMessages messages, TeamAdmins admins, Outbox outbox, TeamClock clock)
{
    public const string Approve = "team.link.approve";
    public const string Decline = "team.link.decline";

    /// <summary>Stores the request and sends it to the admins; the reply tells the asker who was asked (or why not).</summary>
    public Reply Ask(BotInput input, Engineer? asker, Engineer target)
    {
        if (asker is not null)
        {
            return Reply.Error($"You are already linked as {asker.Name}. Nothing was changed.");
        }

        var userId = input.PlatformUserId?.Trim();
        var accounts = input.FrontEnd.Accounts;
        if (accounts == ChatAccountKind.None || string.IsNullOrEmpty(userId))
        {
            return Reply.Error("Ask from Slack or Teams, where I can see which account to link. Nothing was changed.");
        }

        var slack = accounts == ChatAccountKind.Slack ? userId : null;
        var teams = slack is null ? userId : null;
        if (target.LeftOn is { } left && left <= clock.LocalDate(clock.Now))
        {
            return Reply.Error($"{target.Name} has left the team, so there is nothing to link. Nothing was changed.");
        }

        if ((slack is not null && target.SlackUserId is not null) || (teams is not null && (target.TeamsUserId ?? target.TeamsAadObjectId) is not null))
        {
            return Reply.Error($"{target.Name} is already linked to a {(slack is not null ? "Slack" : "Teams")} account. If that is wrong, an admin can change it with ⟦oncall⟧ link. Nothing was changed.");
        }

        var deciders = roster.Engineers().Where(e => admins.IsAdmin(e) && e.LeftOn is null).ToList();
        if (deciders.Count == 0)
        {
            return Reply.Error("There is no admin to ask (Team:Admins is empty and there is no engineering manager). Nothing was changed.");
        }

        var now = clock.Now;
        var request = new TeamChangeRequest
        {
            Id = SwapIds.New(),
            Kind = TeamChangeKind.LinkMe,
            Status = TeamChangeStatus.Pending,
            EngineerId = target.Id,
            Name = input.DisplayName,
            SlackUserId = slack,
            TeamsUserId = teams,
            RequestedById = userId,
            CreatedAt = now,
        };
        store.Write(tx =>
        {
            tx.Set<TeamChangeRequest>().TryInsert(request);
            foreach (var admin in deciders)
            {
                outbox.Enqueue(tx, new OutboxMessage { Id = $"team:{request.Id}:ask:{admin.Id}", Kind = "team", DirectTo = admin.Id, Reply = Card(request), CreatedAt = now });
            }
        });
        return new ReplyBuilder().Tone(ReplyTone.Success)
            .Text($"I asked {string.Join(", ", deciders.Select(d => d.Name))} to link you to {target.Name} (request {request.Id}). You'll get a message once one of them approves.")
            .Build();
    }

    /// <summary>What an admin sees: who asks, for whom, and Approve / Decline.</summary>
    public Reply Card(TeamChangeRequest r) =>
        new ReplyBuilder().Heading($"Link request {r.Id}").Tone(ReplyTone.Warning)
            .Text($"{messages.Describe(r)}.")
            .Context($"Approve only if you know this account is theirs; messages from it will then count as them. You can also type ⟦oncall⟧ link approve {r.Id} or ⟦oncall⟧ link decline {r.Id}.")
            .Button("Approve", Approve, r.Id, ButtonStyle.Primary)
            .Button("Decline", Decline, r.Id, ButtonStyle.Danger)
            .Build();

    /// <summary>Links the identity, once, if an admin approves a pending request.</summary>
    public ActionResult Decide(string id, Engineer? actor, bool approve)
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
                if (r is not { Kind: TeamChangeKind.LinkMe })
                {
                    return new ActionResult(null, $"I can't find link request {id}. Nothing was changed.");
                }

                if (r.Status != TeamChangeStatus.Pending)
                {
                    return new ActionResult(null, $"Link request {r.Id} was already {(r.Status == TeamChangeStatus.Applied ? "approved" : "declined")}. Nothing else changed.");
                }

                var now = clock.Now;
                var expired = now - r.CreatedAt > TeamService.ConfirmWithin;
                var target = tx.Set<Engineer>().Get(r.EngineerId);
                if (approve && !expired && target is not null && team.LinkIn(tx, actor!, target, r.SlackUserId, r.TeamsUserId) is { } error)
                {
                    throw new TeamChangeException(error.Replace(" Nothing was changed.", "", StringComparison.Ordinal));
                }

                var applied = approve && !expired && target is not null;
                var decided = r with { Status = applied ? TeamChangeStatus.Applied : TeamChangeStatus.Cancelled, DecidedAt = now, DecidedById = actor!.Id };
                tx.Set<TeamChangeRequest>().Upsert(decided);
                if (applied)
                {
                    outbox.Enqueue(tx, new OutboxMessage
                    {
                        Id = $"team:{r.Id}:linked",
                        Kind = "team",
                        DirectTo = target!.Id,
                        Reply = new ReplyBuilder().Tone(ReplyTone.Success).Text($"{actor.Name} linked this account to you, {target.FirstName}: what you ask and press here now counts as you.").Build(),
                        CreatedAt = now,
                    });
                }

                var outcome = applied ? $"Approved by {actor.Name}: linked." : expired ? "It expired before anyone approved it; they can ask again." : $"Declined by {actor.Name}: nothing was changed.";
                return new ActionResult(messages.Decided(decided, outcome), applied ? "Linked." : "Nothing was changed.");
            });
        }
        catch (TeamChangeException ex)
        {
            return new ActionResult(null, $"{ex.Message} Nothing was changed.");
        }
    }
}
