using System.Text.RegularExpressions;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>
/// <c>oncall swap &lt;my shift&gt; with @someone [for &lt;their shift&gt;]</c>, <c>oncall swap cancel|undo|approve|decline &lt;id&gt;</c>
/// and <c>oncall cover &lt;from&gt; &lt;to&gt; [@someone]</c>; a manager or admin may add <c>on behalf of @someone</c>.
/// </summary>
public sealed partial class SwapCommandHandler(
    SwapService swaps,
    SwapSchedule schedule,
    SwapMessages messages,
    RosterService roster,
    TeamClock clock,
    WhenParser when) : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["swap", "cover"];

    public IReadOnlyList<HelpEntry> Help { get; } =
    [
        new("⟦oncall⟧ swap <my shift> with @someone [for <their shift>]", "Ask to trade shifts; without \"for\" I propose their nearest shift that works for both.", "⟦oncall⟧ swap next with @sarah"),
        new("⟦oncall⟧ cover <from> <to> [@someone]", "Ask someone (or anyone) to take a shift or part of one.", "⟦oncall⟧ cover 2026-12-24 2026-12-26 @mike"),
        new("⟦oncall⟧ swap cancel|undo <id>", "Cancel your open request, or undo an approved one before the shift starts.", "⟦oncall⟧ swap cancel k7m2qp"),
    ];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Engineer is not { } actor)
        {
            return Done(Reply.Error("I don't know who you are, so I can't trade shifts for you. Ask an admin to add you to the roster."));
        }

        var args = context.Args;
        var requester = actor;
        var behalf = Behalf().Match(args);
        if (behalf.Success)
        {
            if (roster.Resolve(behalf.Groups["who"].Value) is not { } person)
            {
                return Done(UnknownPerson(behalf.Groups["who"].Value));
            }

            requester = person;
            args = args[..behalf.Index].Trim();
        }

        return Done(context.Verb == "cover" ? Cover(actor, requester, args, context.Now) : Swap(actor, requester, args, context.Now));
    }

    private Reply Swap(Engineer actor, Engineer requester, string args, DateTimeOffset now)
    {
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 1 && words[0].ToLowerInvariant() is "cancel" or "undo" or "approve" or "accept" or "decline" or "reject")
        {
            var id = words.Length > 1 ? words[1] : "";
            var outcome = words[0].ToLowerInvariant() switch
            {
                "cancel" => swaps.Cancel(id, actor, now),
                "undo" => swaps.Undo(id, actor, now),
                "decline" or "reject" => swaps.Decline(id, actor, now),
                _ => swaps.Approve(id, actor, now),
            };
            return outcome.Changed && outcome.Request is { } changed
                ? messages.Outcome(changed, now, undoButton: true) with { Text = [messages.Say(outcome)] }
                : Reply.Error(messages.Say(outcome));
        }

        var m = SwapGrammar().Match(args);
        if (!m.Success)
        {
            return Reply.Error("I couldn't read that swap.", "Try: ⟦oncall⟧ swap next with @sarah, or ⟦oncall⟧ swap 2026-12-04 with @mike for 2026-12-18.");
        }

        if (roster.Resolve(m.Groups["who"].Value) is not { } counterpart)
        {
            return UnknownPerson(m.Groups["who"].Value);
        }

        if (MySlot(requester, m.Groups["mine"].Value, now, out var mine) is { } problem)
        {
            return problem;
        }

        SwapSlot? theirs;
        if (m.Groups["theirs"].Success)
        {
            if (!when.TryParse(m.Groups["theirs"].Value, now, out var at))
            {
                return UnreadableDate(m.Groups["theirs"].Value);
            }

            var window = schedule.WindowFor(at);
            theirs = schedule.SlotIn(counterpart.Id, window);
            if (theirs is null)
            {
                return Reply.Error($"{counterpart.Name} is not on call in the shift starting {messages.When(window.Start, now)}.", "Leave out \"for …\" and I'll propose their nearest shift that works.");
            }
        }
        else
        {
            (theirs, var refusal) = swaps.Propose(requester, mine!, counterpart, now);
            if (theirs is null)
            {
                return Reply.Error(refusal is null ? "I couldn't find a shift to trade." : messages.Say(refusal));
            }
        }

        return Created(swaps.RequestSwap(actor, requester, mine!, counterpart, theirs, now), now);
    }

    private Reply Cover(Engineer actor, Engineer requester, string args, DateTimeOffset now)
    {
        Engineer? counterpart = null;
        var person = TrailingPerson().Match(args);
        if (person.Success)
        {
            counterpart = roster.Resolve(person.Groups["who"].Value);
            if (counterpart is null)
            {
                return UnknownPerson(person.Groups["who"].Value);
            }

            args = args[..person.Index].Trim();
        }

        if (!TryRange(args, now, out var from, out var to))
        {
            return Reply.Error($"I couldn't read \"{args}\" as a from and a to.", "Try: ⟦oncall⟧ cover 2026-12-24 2026-12-26 @mike, or ⟦oncall⟧ cover friday 17:00 to sunday 17:00.");
        }

        if (to <= from)
        {
            return Reply.Error("The end of the cover must be after its start.");
        }

        var segments = schedule.Between(from, to)
            .Select(w => (Start: w.Start > from ? w.Start : from, End: w.End < to ? w.End : to))
            .Select(s => schedule.RoleOf(requester.Id, s.Start) is { } role ? new SwapSlot(requester.Id, role, s.Start, s.End) : null)
            .OfType<SwapSlot>()
            .ToList();
        if (segments.Count == 0)
        {
            return Reply.Error($"{Who(actor, requester)} not on call between {messages.When(from, now)} and {messages.When(to, now)}.", "⟦oncall⟧ schedule shows who is on call when.");
        }

        if (segments.Count > 1)
        {
            return Reply.Error($"That spans {segments.Count} of {(actor.Id == requester.Id ? "your" : requester.FirstName + "'s")} shifts; ask for one cover per shift.",
                $"For example: ⟦oncall⟧ cover {messages.When(segments[0].Start, now)} to {messages.When(segments[0].End, now)}.");
        }

        return Created(swaps.RequestCover(actor, requester, segments[0], counterpart, now), now);
    }

    private Reply? MySlot(Engineer requester, string text, DateTimeOffset now, out SwapSlot? slot)
    {
        slot = null;
        var t = MyShiftWords().Replace(text.Trim().ToLowerInvariant(), "").Trim();
        if (t is "" or "next" or "next shift")
        {
            slot = schedule.Upcoming(now).Select(w => schedule.SlotIn(requester.Id, w)).OfType<SwapSlot>().FirstOrDefault();
            return slot is null ? Reply.Error($"{requester.Name} has no upcoming shift to trade.") : null;
        }

        if (!when.TryParse(t, now, out var at))
        {
            return UnreadableDate(text);
        }

        var window = schedule.WindowFor(at);
        slot = schedule.SlotIn(requester.Id, window);
        var running = schedule.WindowAt(at);
        if (slot is null && running != window)
        {
            slot = schedule.SlotIn(requester.Id, running);
        }

        if (slot is not null)
        {
            return null;
        }

        var next = schedule.Upcoming(now).Select(w => schedule.SlotIn(requester.Id, w)).OfType<SwapSlot>().FirstOrDefault();
        return Reply.Error($"{requester.Name} is not on call in the shift starting {messages.When(window.Start, now)}.",
            next is null ? "⟦oncall⟧ schedule shows who is on call when." : $"{requester.FirstName}'s next shift starts {messages.When(next.Start, now)} ({next.Role.ToString().ToLowerInvariant()}).");
    }

    private bool TryRange(string text, DateTimeOffset now, out DateTimeOffset from, out DateTimeOffset to)
    {
        from = to = now;
        var separated = RangeSeparator().Split(text, 2);
        if (separated.Length == 2 && TryPoint(separated[0], now, false, out from) && TryPoint(separated[1], now, true, out to))
        {
            return true;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length; i++)
        {
            if (TryPoint(string.Join(' ', words[..i]), now, false, out from) && TryPoint(string.Join(' ', words[i..]), now, true, out to))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A date without a time means the start of that day for "from" and the end of it for "to".</summary>
    private bool TryPoint(string text, DateTimeOffset now, bool isEnd, out DateTimeOffset instant)
    {
        if (!when.TryParse(text, now, out instant) || text.Trim().Length == 0)
        {
            return false;
        }

        if (!HasTime().IsMatch(text))
        {
            var day = clock.LocalDate(instant).AddDays(isEnd ? 1 : 0);
            instant = clock.ToInstant(day, TimeOnly.MinValue);
        }

        return true;
    }

    private Reply Created(SwapResult outcome, DateTimeOffset now) =>
        outcome.Changed && outcome.Request is { } request
            ? messages.Ask(request, now, forRequester: true) with { Text = [messages.Say(outcome)], Tone = ReplyTone.Success }
            : Reply.Error(messages.Say(outcome));

    private static string Who(Engineer actor, Engineer requester) => actor.Id == requester.Id ? "You are" : $"{requester.Name} is";

    private Reply UnknownPerson(string text) => Reply.Error(
        $"I don't know who \"{text.Trim()}\" is.",
        "The team: " + string.Join(", ", roster.Rotation().Select(e => "@" + e.FirstName.ToLowerInvariant())) + ".");

    private static Reply UnreadableDate(string text) => Reply.Error(
        $"I couldn't read \"{text.Trim()}\" as a shift.",
        "Use next, a weekday, or a date such as 2026-12-04.");

    private static ValueTask<Reply> Done(Reply reply) => ValueTask.FromResult(reply);

    [GeneratedRegex(@"^(?<mine>.*?)\s*\bwith\s+(?<who>.+?)(?:\s+for\s+(?<theirs>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex SwapGrammar();

    [GeneratedRegex(@"\s+on\s+behalf\s+of\s+(?<who>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Behalf();

    [GeneratedRegex(@"(?:\s+(?:with|for|to|by))?\s+(?<who>@\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingPerson();

    [GeneratedRegex(@"\s+(?:to|until|till|through|-|–)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex RangeSeparator();

    [GeneratedRegex(@"\d:\d|\d\s*(?:am|pm)\b|T\d|\bnow\b|\btonight\b|\bin\s+\d+\s+hours?\b", RegexOptions.IgnoreCase)]
    private static partial Regex HasTime();

    [GeneratedRegex(@"^(?:my\s+)?(?:shift\s+)?(?:on\s+|of\s+)?")]
    private static partial Regex MyShiftWords();
}
