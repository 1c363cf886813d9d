using System.Text.RegularExpressions;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>
/// Plain phrasings of the swap commands: "can someone cover my shift friday to sunday", "can I swap next with @sarah",
/// "any open swaps", "swap history for mike".
/// </summary>
public sealed partial class SwapQuestionRule : IQuestionRule
{
    public string? Rewrite(string question)
    {
        var m = CoverQuestion().Match(question);
        if (m.Success)
        {
            return $"cover {m.Groups["range"].Value.Trim()}";
        }

        m = SwapQuestion().Match(question);
        if (m.Success)
        {
            return $"swap {m.Groups["rest"].Value.Trim()}";
        }

        if (OpenSwaps().IsMatch(question))
        {
            return "swaps";
        }

        m = History().Match(question);
        return m.Success ? $"history {m.Groups["who"].Value.Trim()}".Trim() : null;
    }

    [GeneratedRegex(@"^(?:can|could|would)\s+(?:someone|somebody|anyone|anybody|you\s+ask\s+someone\s+to)\s+cover\s+(?:for\s+me\s+|me\s+|my\s+shift\s+)?(?:from\s+)?(?<range>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CoverQuestion();

    [GeneratedRegex(@"^(?:can|could|may)\s+i\s+swap\s+(?:my\s+shift\s+)?(?<rest>.*\bwith\b.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SwapQuestion();

    [GeneratedRegex(@"^(?:(?:show|list)(?:\s+me)?\s+(?:the\s+)?|are\s+there\s+(?:any\s+)?|any\s+)?open\s+(?:swaps?|swap\s+requests|covers?|cover\s+requests)$", RegexOptions.IgnoreCase)]
    private static partial Regex OpenSwaps();

    [GeneratedRegex(@"^(?:show\s+(?:me\s+)?(?:the\s+)?)?(?:swap|cover|swap\s+and\s+cover)\s+history(?:\s+(?:for|of)\s+(?<who>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex History();
}
