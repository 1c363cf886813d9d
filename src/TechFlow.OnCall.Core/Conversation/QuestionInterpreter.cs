using System.Text.RegularExpressions;

namespace TechFlow.OnCall.Core.Conversation;

/// <summary>
/// Strips the front end's command prefix, the bot's name and greetings, and rewrites plain questions into the command
/// grammar, so that "who's on call for aggregate profit tomorrow?" and "oncall aggregate profit tomorrow" give one answer.
/// </summary>
public sealed partial class QuestionInterpreter(IEnumerable<IQuestionRule> extraRules)
{
    private readonly IQuestionRule[] _extraRules = [.. extraRules];

    /// <summary>Greetings and fillers ignored in front of a command when more follows.</summary>
    private static readonly string[] Fillers = ["hey", "hi", "hello", "ok", "please", "bot"];

    /// <summary>
    /// The command text for <paramref name="text"/>, and whether it ended with <c>public</c>. The prefixes of
    /// <paramref name="frontEnd"/> are ignored in front of it, as the bot's own name is everywhere.
    /// </summary>
    public (string Command, bool Public) Interpret(string text, FrontEnd? frontEnd = null)
    {
        var t = Whitespace().Replace(text.Replace('\u00a0', ' ').Trim(), " ");
        t = StripPrefixes(t, frontEnd).Trim();
        var isPublic = false;
        var publicMatch = TrailingPublic().Match(t);
        if (publicMatch.Success)
        {
            isPublic = true;
            t = t[..publicMatch.Index].Trim();
        }

        var question = t.TrimEnd('?', '!', '.').Trim();
        foreach (var rule in _extraRules)
        {
            if (rule.Rewrite(question) is { } rewritten)
            {
                return (rewritten, isPublic);
            }
        }

        return (Rewrite(question) ?? question, isPublic);
    }

    private static string StripPrefixes(string text, FrontEnd? frontEnd)
    {
        string[] names = frontEnd is null ? [ReplyMarkup.BareCommand] : [ReplyMarkup.BareCommand, frontEnd.CommandPrefix, .. frontEnd.AlsoAccepted];
        var t = text;
        while (true)
        {
            var cut = names.Select(n => PrefixLength(t, n, alone: true)).Concat(Fillers.Select(f => PrefixLength(t, f, alone: false))).Max();
            if (cut <= 0)
            {
                return t;
            }

            t = t[cut..];
        }
    }

    /// <summary>
    /// How much of <paramref name="t"/> (single-spaced) <paramref name="word"/> takes when it starts it as a whole word,
    /// with an optional comma or colon and the space after; 0 when it does not. <paramref name="alone"/>: it may also be all of it.
    /// </summary>
    private static int PrefixLength(string t, string word, bool alone)
    {
        if (word.Length == 0 || !t.StartsWith(word, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var i = word.Length;
        if (i < t.Length && t[i] is ',' or ':')
        {
            i++;
        }

        return i == t.Length ? (alone ? i : 0) : t[i] == ' ' ? i + 1 : 0;
    }

    private static string? Rewrite(string q)
    {
        var m = WhoIsOnCallFor().Match(q);
        if (m.Success)
        {
            return m.Groups["rest"].Value.Trim();
        }

        m = WhoIsOnCallWhen().Match(q);
        if (m.Success)
        {
            var when = m.Groups["when"].Value.Trim();
            return when.Length == 0 ? "" : $"at {when}";
        }

        m = WhoOwns().Match(q);
        if (m.Success)
        {
            return $"owners {m.Groups["p"].Value.Trim()}".Trim();
        }

        m = Escalation().Match(q);
        if (m.Success)
        {
            return $"escalation {m.Groups["p"].Value.Trim()}".Trim();
        }

        if (Schedule().IsMatch(q))
        {
            return "schedule";
        }

        return HelpQuestion().IsMatch(q) ? "help" : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?:^|\s)public$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingPublic();

    [GeneratedRegex(@"^(?:who(?:'s|’s| is|s)?|whos)\s+(?:currently\s+|the\s+)?(?:primary\s+)?(?:on[- ]?call|on duty|oncall|covering)\s+(?:for|on)\s+(?:the\s+)?(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WhoIsOnCallFor();

    [GeneratedRegex(@"^(?:who(?:'s|’s| is|s| will be|'ll be)?|whos)\s+(?:currently\s+)?(?:on[- ]?call|on duty|oncall)(?<when>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex WhoIsOnCallWhen();

    [GeneratedRegex(@"^(?:who\s+owns|who\s+is\s+the\s+owner\s+of|who\s+are\s+the\s+owners\s+of|owners?\s+of|owner\s+for)\s+(?:the\s+)?(?<p>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WhoOwns();

    [GeneratedRegex(@"^(?:(?:what(?:'s| is)\s+the\s+|show(?:\s+me)?\s+the\s+)escalation(?:\s+(?:path|matrix|chain|policy))?|who\s+do\s+i\s+escalate\s+to)(?:\s+(?:for|on)\s+(?:the\s+)?(?<p>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Escalation();

    [GeneratedRegex(@"^(?:what(?:'s| is)\s+the\s+|show(?:\s+me)?\s+the\s+)?(?:on[- ]?call\s+)?(?:schedule|rota|rotation)$", RegexOptions.IgnoreCase)]
    private static partial Regex Schedule();

    [GeneratedRegex(@"^(?:what can you do|how do i use (?:you|this)|commands|help me|usage)$", RegexOptions.IgnoreCase)]
    private static partial Regex HelpQuestion();
}
