using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.TeamChanges;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary><c>oncall swaps</c> (open requests) and <c>oncall history [@someone]</c> (the audit trail).</summary>
public sealed class SwapListHandler(IOnCallStore store, RosterService roster, SwapMessages messages) : ICommandHandler
{
    private const int HistoryRows = 20;

    public IReadOnlyList<string> Verbs { get; } = ["swaps", "history"];

    public IReadOnlyList<HelpEntry> Help { get; } =
    [
        new("⟦oncall⟧ swaps", "Open swap and cover requests.", "⟦oncall⟧ swaps"),
        new("⟦oncall⟧ history [@someone]", "Who swapped, covered, approved or undid what, and for whom; who changed the team.", "⟦oncall⟧ history @sarah"),
    ];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Engineer is null)
        {
            return ValueTask.FromResult(Reply.Error("I don't know who you are, so I can't show the team's swaps. Ask an admin to add you to the roster."));
        }

        return ValueTask.FromResult(context.Verb == "swaps" ? Open(context.Now) : History(context.Args, context.Now));
    }

    private Reply Open(DateTimeOffset now)
    {
        var open = store.Set<SwapRequest>().Find(r => r.Status == SwapStatus.Open).OrderBy(r => r.ExpiresAt).ToList();
        if (open.Count == 0)
        {
            return Reply.Info("No open swap or cover requests.");
        }

        var b = new ReplyBuilder().Heading($"Open requests ({open.Count})");
        b.Table(["Id", "What", "Asked by", "Asked", "Shift", "Expires"], open.Select(r => (IReadOnlyList<string>)
        [
            r.Id,
            SwapMessages.Noun(r),
            b.Mention(roster.Find(r.RequesterId)),
            r.CounterpartId is null ? "anyone" : b.Mention(roster.Find(r.CounterpartId)),
            $"{r.RequesterRole} {messages.When(r.RequesterStart, now)}",
            TimeText.Relative(r.ExpiresAt, now),
        ]));
        b.Context("Answer with the buttons on the request, or ⟦oncall⟧ swap approve|decline <id>; cancel yours with ⟦oncall⟧ swap cancel <id>.");
        return b.Build();
    }

    private Reply History(string args, DateTimeOffset now)
    {
        Engineer? person = null;
        if (args.Length > 0)
        {
            person = roster.Resolve(args);
            if (person is null)
            {
                return Reply.Error($"I don't know who \"{args}\" is.", "For example: ⟦oncall⟧ history @sarah");
            }
        }

        var entries = store.Set<SwapAuditEntry>().Find(a => a.At > DateTimeOffset.MinValue, a => a.At, descending: true, limit: 1000)
            .Where(a => person is null || a.People.Contains(person.Id))
            .Take(HistoryRows)
            .ToList();
        var team = store.Set<TeamAuditEntry>().Find(a => a.At > DateTimeOffset.MinValue, a => a.At, descending: true, limit: 1000)
            .Where(a => person is null || a.SubjectId == person.Id || a.ActorId == person.Id)
            .Take(HistoryRows)
            .ToList();
        if (entries.Count == 0 && team.Count == 0)
        {
            return Reply.Info(person is null ? "No swaps or covers yet." : $"No swaps or covers involving {person.Name} yet.");
        }

        var b = new ReplyBuilder().Heading((team.Count == 0 ? "Swap and cover history" : "Swap, cover and team history") + (person is null ? "" : $": {person.Name}"));
        var rows = entries.Select(a => (a.At, Row: (IReadOnlyList<string>)[messages.When(a.At, now), a.RequestId, a.Summary, By(b, a)]))
            .Concat(team.Select(a => (a.At, Row: (IReadOnlyList<string>)[messages.When(a.At, now), "team", a.Summary, Actor(b, a.ActorId)])))
            .OrderByDescending(x => x.At)
            .Take(HistoryRows)
            .Select(x => x.Row);
        b.Table(["When", "Request", "What", "By"], rows);
        return b.Build();
    }

    private string Actor(ReplyBuilder b, string actorId) =>
        roster.Find(actorId) is { } actor ? b.Mention(actor) : actorId;

    private string By(ReplyBuilder b, SwapAuditEntry a)
    {
        var actor = a.ActorId == SwapService.BotActor ? "the bot" : b.Mention(roster.Find(a.ActorId));
        return roster.Find(a.OnBehalfOfId) is { } behalf ? $"{actor} on behalf of {b.Mention(behalf)}" : actor;
    }
}
