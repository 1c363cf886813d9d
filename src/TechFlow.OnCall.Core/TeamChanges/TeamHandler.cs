using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>
/// <c>oncall team</c> (the roster), <c>team add|leave|rejoin|edit|confirm|cancel</c> and <c>oncall link</c>.
/// Changes that move shifts answer with a confirmation card; nothing changes until an admin confirms.
/// </summary>
public sealed class TeamHandler(RosterService roster, TeamService team, LinkRequests linkRequests, TeamRosterReply rosterReply, DateArgument dates, TeamClock clock) : ICommandHandler
{
    private const string AddUsage = "⟦oncall⟧ team add <name> [senior|mid|junior] [timezone] [@slack-user]";

    public IReadOnlyList<string> Verbs { get; } = ["team", "link"];

    public IReadOnlyList<HelpEntry> Help { get; } =
    [
        new("⟦oncall⟧ team", "The roster: seniority, time zone, linked Slack and Teams identities, active or not, next shift.", "⟦oncall⟧ team"),
        new(AddUsage, "Admins: a new engineer joins and gets a fair share of shifts from the first week that is not frozen.", "⟦oncall⟧ team add Priya Patel mid America/Chicago"),
        new("⟦oncall⟧ team leave <engineer> [on DATE]", "Admins: from that day the engineer holds no shift, owns no pipeline and is out of the escalation chain.", "⟦oncall⟧ team leave mike on 2026-12-31"),
        new("⟦oncall⟧ team rejoin <engineer>", "Admins: undo a leave.", "⟦oncall⟧ team rejoin mike"),
        new("⟦oncall⟧ team edit <engineer> seniority|timezone|name <value>", "Admins: change an engineer's details.", "⟦oncall⟧ team edit lisa seniority mid"),
        new("⟦oncall⟧ link <engineer> @slack-user|teams:<id>", "Admins: link a chat identity by hand when email matching fails.", "⟦oncall⟧ link lisa @U0LISA"),
        new("⟦oncall⟧ link me <engineer>", "For someone the bot has not matched yet: ask the admins to link your Slack or Teams account to an engineer.", "⟦oncall⟧ link me lisa wang"),
    ];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var words = context.Words;
        if (context.Verb == "link")
        {
            return ValueTask.FromResult(Link(context, words));
        }

        if (words.Count == 0)
        {
            return ValueTask.FromResult(rosterReply.Build(context.Now));
        }

        var rest = string.Join(' ', words.Skip(1));
        return ValueTask.FromResult(words[0].ToLowerInvariant() switch
        {
            "add" or "join" => Add(context, [.. words.Skip(1)]),
            "leave" or "remove" => Leave(context, rest),
            "rejoin" => Target(rest, e => team.Propose(context.Engineer, Draft(TeamChangeKind.Rejoin, e.Id))),
            "edit" => Edit(context, [.. words.Skip(1)]),
            "confirm" => Notice(team.Confirm(rest, context.Engineer)),
            "cancel" => Notice(team.Cancel(rest, context.Engineer)),
            _ => Reply.Error($"I don't know \"team {words[0]}\".", "Try ⟦oncall⟧ team, " + AddUsage + ", ⟦oncall⟧ team leave <engineer> [on DATE], ⟦oncall⟧ team rejoin <engineer>"),
        });
    }

    private Reply Add(CommandContext context, List<string> words)
    {
        var name = new List<string>();
        Seniority? seniority = null;
        string? zone = null;
        string? slack = null;
        foreach (var word in words)
        {
            if (TeamArguments.Seniority(word) is { } s && name.Count > 0)
            {
                seniority = s;
            }
            else if (word.Contains('/', StringComparison.Ordinal))
            {
                if (!TeamArguments.IsTimeZone(word))
                {
                    return Reply.Error($"\"{word}\" is not a time zone I know; use an IANA name such as America/Chicago.", "Nothing was changed.");
                }

                zone = word;
            }
            else if (word.StartsWith('@') || word.StartsWith('<'))
            {
                slack = TeamArguments.SlackUserId(word);
                if (slack is null)
                {
                    return Reply.Error($"\"{word}\" is not a Slack user I can link; mention them, or give their id (U…).", "Nothing was changed.");
                }
            }
            else if (seniority is not null || zone is not null)
            {
                return Reply.Error($"\"{word}\" is not a seniority ({TeamArguments.SeniorityWords}).", $"For example: {AddUsage}");
            }
            else
            {
                name.Add(word);
            }
        }

        var full = string.Join(' ', name);
        return team.Propose(context.Engineer, Draft(TeamChangeKind.Add, TeamArguments.Slug(full)) with
        {
            Name = full,
            Seniority = seniority ?? Seniority.MidLevel,
            TimeZone = zone,
            SlackUserId = slack,
        });
    }

    private Reply Leave(CommandContext context, string rest)
    {
        var at = rest.LastIndexOf(" on ", StringComparison.OrdinalIgnoreCase);
        var who = at < 0 ? rest : rest[..at];
        var on = clock.LocalDate(context.Now);
        if (at >= 0 && !dates.TryParse(rest[(at + 4)..].Trim(), context.Now, out on))
        {
            return Reply.Error($"\"{rest[(at + 4)..].Trim()}\" is not a date I can read; use 2026-12-31 or a word like friday.", "Nothing was changed.");
        }

        return Target(who, e => team.Propose(context.Engineer, Draft(TeamChangeKind.Leave, e.Id) with { On = on }));
    }

    private Reply Edit(CommandContext context, List<string> words)
    {
        var field = words.FindIndex(w => w.ToLowerInvariant() is "seniority" or "timezone" or "name");
        if (field < 1 || field == words.Count - 1)
        {
            return Reply.Error("Say what to change, for example: ⟦oncall⟧ team edit lisa seniority mid");
        }

        var what = words[field].ToLowerInvariant();
        var value = string.Join(' ', words.Skip(field + 1));
        return Target(string.Join(' ', words.Take(field)), e => what switch
        {
            "seniority" when TeamArguments.Seniority(value) is { } s => team.Propose(context.Engineer, Draft(TeamChangeKind.Edit, e.Id) with { Field = what, Seniority = s }),
            "seniority" => Reply.Error($"\"{value}\" is not a seniority; use {TeamArguments.SeniorityWords}.", "Nothing was changed."),
            "timezone" when TeamArguments.IsTimeZone(value) => team.Propose(context.Engineer, Draft(TeamChangeKind.Edit, e.Id) with { Field = what, TimeZone = value }),
            "timezone" => Reply.Error($"\"{value}\" is not a time zone I know; use an IANA name such as America/Chicago.", "Nothing was changed."),
            _ => team.Propose(context.Engineer, Draft(TeamChangeKind.Edit, e.Id) with { Field = what, Name = value }),
        });
    }

    private Reply Link(CommandContext context, IReadOnlyList<string> words)
    {
        var first = words.Count > 0 ? words[0].ToLowerInvariant() : "";
        if (first == "me" && words.Count > 1)
        {
            return Target(string.Join(' ', words.Skip(1)), e => linkRequests.Ask(context.Input, context.Engineer, e));
        }

        if (first is "approve" or "decline" && words.Count == 2)
        {
            return Notice(linkRequests.Decide(words[1], context.Engineer, first == "approve"));
        }

        if (words.Count < 2)
        {
            return Reply.Error("Say who and which identity, for example: ⟦oncall⟧ link lisa @U0LISA (or teams:<id>)");
        }

        var identity = words[^1];
        var teams = identity.TrimStart('@') is var bare && bare.StartsWith("teams:", StringComparison.OrdinalIgnoreCase) ? bare[6..] : null;
        var slack = teams is null ? TeamArguments.SlackUserId(identity) : null;
        if (slack is null && string.IsNullOrWhiteSpace(teams))
        {
            // A mention of someone already linked reaches the core as their engineer reference.
            return identity.StartsWith('@') && roster.Resolve(identity) is { } linked && (linked.SlackUserId ?? linked.TeamsUserId ?? linked.TeamsAadObjectId) is not null
                ? Reply.Error($"That identity is already linked to {linked.Name}. Nothing was changed.")
                : Reply.Error($"\"{identity}\" is not a Slack user (@U…) or a Teams id (teams:…).", "Nothing was changed.");
        }

        return Target(string.Join(' ', words.Take(words.Count - 1)), e => team.Link(context.Engineer, e, slack, teams));
    }

    private Reply Target(string who, Func<Engineer, Reply> then) =>
        roster.Resolve(who) is { } engineer ? then(engineer) : Reply.Error($"I don't know an engineer \"{who}\".", "Nothing was changed. ⟦oncall⟧ team lists everyone.");

    private static TeamChangeRequest Draft(TeamChangeKind kind, string engineerId) =>
        new() { Id = "", Kind = kind, EngineerId = engineerId, RequestedById = "" };

    private static Reply Notice(ActionResult result) =>
        result.Replacement is { } card ? card with { Text = [.. card.Text, result.Notice ?? ""] } : Reply.Error(result.Notice ?? "Nothing was changed.");
}
