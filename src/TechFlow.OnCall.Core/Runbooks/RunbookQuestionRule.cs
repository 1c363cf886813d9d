using System.Text.RegularExpressions;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;

namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>
/// Plain questions about runbooks: "runbook for aggregate profit", "show me the runbooks",
/// "how do I fix spark oom in the exec dashboard", "what do I do when kafka is down on engagement".
/// </summary>
public sealed partial class RunbookQuestionRule(PipelineCatalog pipelines) : IQuestionRule
{
    private static readonly HashSet<string> Connectors = ["in", "on", "for", "with", "of", "at"];

    public string? Rewrite(string question)
    {
        if (AllRunbooks().IsMatch(question))
        {
            return "runbooks";
        }

        var m = RunbookFor().Match(question);
        if (m.Success)
        {
            return $"runbook {m.Groups["p"].Value.Trim()}";
        }

        m = PipelineRunbook().Match(question);
        if (m.Success && pipelines.Match(m.Groups["p"].Value) is PipelineMatch.Found { Rest.Length: 0 } named)
        {
            return $"runbook {named.Pipeline.Id}";
        }

        m = FixIn().Match(question);
        if (!m.Success)
        {
            m = WhatToDo().Match(question);
        }

        return m.Success ? SymptomAndPipeline(m.Groups["rest"].Value) : null;
    }

    /// <summary>"spark oom in the exec dashboard" → "runbook executive-investor-aggregate spark oom".</summary>
    private string? SymptomAndPipeline(string rest)
    {
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length - 1; i++)
        {
            if (!Connectors.Contains(words[i].ToLowerInvariant()))
            {
                continue;
            }

            var pipelineText = string.Join(' ', words.Skip(i + 1));
            if (pipelines.Match(pipelineText) is PipelineMatch.Found { Rest.Length: 0 } found)
            {
                return $"runbook {PipelineCatalog.Normalize(pipelineText)} {string.Join(' ', words.Take(i))}";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?:show\s+(?:me\s+)?|list\s+|open\s+)?(?:all\s+)?(?:the\s+|our\s+)?runbooks$", RegexOptions.IgnoreCase)]
    private static partial Regex AllRunbooks();

    [GeneratedRegex(@"^(?:show\s+(?:me\s+)?|open\s+|get\s+|where(?:'s|’s|\s+is)\s+)?(?:the\s+)?runbook\s+(?:for|of|on)\s+(?:the\s+)?(?<p>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RunbookFor();

    [GeneratedRegex(@"^(?:show\s+(?:me\s+)?|open\s+|get\s+)?(?:the\s+)?(?<p>.+?)\s+runbook$", RegexOptions.IgnoreCase)]
    private static partial Regex PipelineRunbook();

    // Bare "resolve" and "handle" are left to other commands (paging resolves pages); they need "how do I" in front.
    [GeneratedRegex(@"^(?:(?:how\s+(?:do|can|should)\s+(?:i|we)|how\s+to)\s+(?:fix|handle|deal\s+with|resolve|troubleshoot|debug)|fix|troubleshoot|debug)\s+(?:a\s+|an\s+|the\s+)?(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FixIn();

    [GeneratedRegex(@"^what\s+(?:do|should)\s+(?:i|we)\s+do\s+(?:about|when|if|with)\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WhatToDo();
}
