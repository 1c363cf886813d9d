using Humanizer;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Swaps;

namespace TechFlow.OnCall.Core.Calendar;

/// <summary>
/// <c>oncall timeoff add &lt;from&gt; &lt;to&gt; [@someone] [reason]</c>, <c>list [@someone]</c>, <c>remove &lt;id&gt;</c>.
/// New time off re-plans the non-frozen future; slots too close to re-plan are posted as a coverage gap with an open
/// cover request each, all in one unit of work.
/// </summary>
public sealed class TimeOffHandler(
    TimeOffService timeOff,
    TimeOffCoverage coverage,
    RosterService roster,
    DateArgument dates) : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["timeoff", "time-off", "pto", "vacation"];

    public IReadOnlyList<HelpEntry> Help { get; } =
    [
        new("⟦oncall⟧ timeoff add <from> <to> [reason]", "Record your time off (managers and admins: add @someone). The schedule is re-planned around it.", "⟦oncall⟧ timeoff add 2026-12-21 2027-01-03 family trip"),
        new("⟦oncall⟧ timeoff list [@someone]", "Upcoming time off, with ids.", "⟦oncall⟧ timeoff list @lisa"),
        new("⟦oncall⟧ timeoff remove <id>", "Remove your time off (admins: anyone's).", "⟦oncall⟧ timeoff remove 20261221-lisa-wang"),
    ];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var words = context.Words;
        var sub = words.Count == 0 ? "list" : words[0].ToLowerInvariant();
        var rest = words.Skip(1).ToList();
        var reply = sub switch
        {
            "add" => Add(context, rest),
            "list" => List(rest),
            "remove" or "delete" or "cancel" => Remove(context, rest),
            _ => Reply.Error($"I don't know \"timeoff {sub}\".", "Try ⟦oncall⟧ timeoff add <from> <to> [reason], list [@someone] or remove <id>."),
        };
        return ValueTask.FromResult(reply);
    }

    private Reply Add(CommandContext context, List<string> words)
    {
        if (context.Engineer is not { } asker)
        {
            return Reply.Error("I don't know who you are on the roster, so I can't record time off for you.");
        }

        var target = asker;
        var mention = words.FindIndex(IsMention);
        if (mention >= 0)
        {
            if (roster.Resolve(words[mention]) is not { } someone)
            {
                return Reply.Error($"I couldn't find {words[mention]} on the roster. Nothing was stored.");
            }

            if (!TimeOffService.MayManage(asker, someone.Id))
            {
                return Reply.Error("Only a manager or an admin can add time off for someone else. Nothing was stored.");
            }

            target = someone;
            words.RemoveAt(mention);
        }

        if (words.Count < 2)
        {
            return Reply.Error("Give a start and an end date.", "For example: ⟦oncall⟧ timeoff add 2026-12-21 2027-01-03 family trip");
        }

        if (!dates.TryParse(words[0], context.Now, out var from) || !dates.TryParse(words[1], context.Now, out var to))
        {
            return Reply.Error($"I couldn't read \"{words[0]} {words[1]}\" as two dates. Nothing was stored.", "Use dates like 2026-12-21, or words like tomorrow or friday.");
        }

        var outcome = coverage.Add(target, from, to, string.Join(' ', words.Skip(2)), asker.Id);
        if (outcome is not { TimeOff: { } added, Regeneration: { } regeneration })
        {
            return Reply.Error(outcome.Error + " Nothing was stored.");
        }

        var b = new ReplyBuilder().Tone(ReplyTone.Success);
        b.Text($"Time off recorded for {b.Mention(target)}: {TimeText.Date(added.From)} to {TimeText.Date(added.To)} (id {added.Id}).");
        if (regeneration.Changes.Count > 0)
        {
            b.Text($"Re-planned {"future shift".ToQuantity(regeneration.Changes.Count)}; {string.Join(", ", regeneration.MovedEngineerIds.Select(id => b.Mention(roster.Find(id))))} will get a DM.");
        }

        if (outcome.Uncovered.Count > 0)
        {
            b.Tone(ReplyTone.Warning).Text($"{"slot".ToQuantity(outcome.Uncovered.Count)} {(outcome.Uncovered.Count == 1 ? "is" : "are")} too close to re-plan and now {SliceText.Uncovered}: I posted a coverage gap and {"cover request".ToQuantity(outcome.CoverRequests.Count)} ({string.Join(", ", outcome.CoverRequests.Select(r => r.Id))}) to the channel, where anyone can press Take it.");
            b.Text("Until someone takes a slot, pages for it go to the other on-call role first and the escalation chain continues as usual.");
        }

        foreach (var problem in regeneration.Problems)
        {
            b.Context($"Could not plan {problem.Window.Id}: {problem.Reason}.");
        }

        return b.Build();
    }

    private Reply List(List<string> words)
    {
        Engineer? who = null;
        if (words.Count > 0 && (who = roster.Resolve(words[0])) is null)
        {
            return Reply.Error($"I couldn't find {words[0]} on the roster.");
        }

        var items = timeOff.Upcoming(who?.Id);
        var b = new ReplyBuilder().Heading(who is null ? "Upcoming time off" : $"Upcoming time off: {who.Name}");
        if (items.Count == 0)
        {
            return b.Text("No upcoming time off.").Build();
        }

        b.Table(
            ["Id", "Who", "From", "To", "Reason"],
            items.Select(t => (IReadOnlyList<string>)[t.Id, b.Mention(roster.Find(t.EngineerId)), TimeText.Date(t.From), TimeText.Date(t.To), string.IsNullOrEmpty(t.Reason) ? "" : t.Reason]));
        return b.Build();
    }

    private Reply Remove(CommandContext context, List<string> words)
    {
        if (context.Engineer is not { } asker)
        {
            return Reply.Error("I don't know who you are on the roster.");
        }

        if (words.Count != 1)
        {
            return Reply.Error("Give the id of the time off to remove.", "⟦oncall⟧ timeoff list shows the ids.");
        }

        var outcome = timeOff.Remove(asker, words[0]);
        return outcome.TimeOff is { } removed
            ? new Reply { Tone = ReplyTone.Success, Text = [$"Removed time off {removed.Id} ({TimeText.Date(removed.From)} to {TimeText.Date(removed.To)})."] }
            : Reply.Error(outcome.Error!);
    }

    private static bool IsMention(string word) => word.StartsWith('@');
}
