using System.Text.RegularExpressions;

namespace TechFlow.OnCall.Core.Conversation;

/// <summary>
/// Strips the command prefix and greetings, and rewrites plain questions into the command grammar, so that
/// "who's on call for aggregate profit tomorrow?" and "/oncall aggregate profit tomorrow" give one answer.
/// </summary>
public sealed partial class QuestionInterpreter(IEnumerable<IQuestionRule> extraRules)
{
    private readonly IQuestionRule[] _extraRules = [.. extraRules];

    /// <summary>The command text for <paramref name="text"/>, and whether it ended with <c>public</c>.</summary>
    public (string Command, bool Public) Interpret(string text)
    {
        var t = Whitespace().Replace(text.Replace('\u00a0', ' ').Trim(), " ");
        t = Prefix().Replace(t, "").Trim();
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

    [GeneratedRegex(@"^(?:(?:/?oncall|<@[A-Z0-9]+>|@oncall|hey|hi|hello|ok|please|bot)[,:]?\s+)*(?:/?oncall$)?", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

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
