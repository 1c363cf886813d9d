using System.Text.RegularExpressions;

namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>The line-by-line state of <see cref="RunbookParser"/>: which section it is in and what it has read.</summary>
internal sealed partial class RunbookParseState(string fileName)
{
    private readonly HashSet<string> _issueIds = new(StringComparer.Ordinal);
    private Section _section = Section.Header;
    private IssueDraft? _issue;
    private Action<string>? _continue;
    private bool _seenMonitoring;

    private enum Section
    {
        Header,
        Monitoring,
        Issue,
        Notes,
        Unknown,
    }

    public Dictionary<string, (string Value, int Line)> Header { get; } = new(StringComparer.Ordinal);
    public List<string> Monitoring { get; } = [];
    public List<RunbookIssue> Issues { get; } = [];
    public List<RunbookProblem> Problems { get; } = [];
    public int HeaderEndLine { get; private set; }
    public int LastLine { get; private set; }

    public void Problem(int line, string problem) => Problems.Add(new RunbookProblem(fileName, line, problem));

    public void Line(int number, string line)
    {
        LastLine = number;
        if (line.Length == 0 || (line.StartsWith("<!--", StringComparison.Ordinal) && line.EndsWith("-->", StringComparison.Ordinal)))
        {
            _continue = null;
            return;
        }

        if (line.StartsWith("## ", StringComparison.Ordinal))
        {
            StartSection(number, line[3..].Trim());
            return;
        }

        if (_section is Section.Notes or Section.Unknown)
        {
            return;
        }

        if (char.IsWhiteSpace(line[0]))
        {
            Continue(number, line.Trim());
            return;
        }

        if (line.StartsWith("# ", StringComparison.Ordinal))
        {
            if (_section != Section.Header || Header.Count > 0)
            {
                Problem(number, "the '# ' title line must come first, before the header lines");
            }

            return;
        }

        switch (_section)
        {
            case Section.Header:
                HeaderLine(number, line);
                break;
            case Section.Monitoring:
                MonitoringLine(number, line);
                break;
            default:
                IssueLine(number, line);
                break;
        }
    }

    public void CloseIssue()
    {
        if (_issue is not { } draft)
        {
            return;
        }

        _issue = null;
        var missing = new List<string>();
        if (draft.Id.Length == 0) { missing.Add("Id"); }
        if (draft.Symptom.Length == 0) { missing.Add("Symptom"); }
        if (draft.Causes.Length == 0) { missing.Add("Causes"); }
        if (draft.Steps.Count == 0) { missing.Add("numbered steps"); }
        if (draft.Escalate.Length == 0) { missing.Add("Escalate"); }
        if (missing.Count > 0)
        {
            Problem(draft.Line, $"issue '{draft.Title}' is missing {string.Join(", ", missing)}");
            return;
        }

        Issues.Add(new RunbookIssue
        {
            Id = draft.Id,
            Title = draft.Title,
            Symptom = draft.Symptom,
            Causes = RunbookParser.List(draft.Causes, ';'),
            Steps = [.. draft.Steps],
            EscalateTo = draft.Escalate,
            Keywords = RunbookParser.List(draft.Keywords, ','),
        });
    }

    private void StartSection(int number, string heading)
    {
        CloseIssue();
        _continue = null;
        if (_section == Section.Header)
        {
            HeaderEndLine = number;
        }

        if (heading.Equals("Monitoring", StringComparison.OrdinalIgnoreCase))
        {
            if (_seenMonitoring)
            {
                Problem(number, "a second '## Monitoring' section; keep all checks in one");
            }

            _seenMonitoring = true;
            _section = Section.Monitoring;
        }
        else if (heading.Equals("Notes", StringComparison.OrdinalIgnoreCase))
        {
            _section = Section.Notes;
        }
        else if (heading.StartsWith("Issue:", StringComparison.OrdinalIgnoreCase))
        {
            var title = heading["Issue:".Length..].Trim();
            if (title.Length == 0)
            {
                Problem(number, "an issue heading needs a title: '## Issue: Spark runs out of memory'");
            }

            _issue = new IssueDraft(number, title);
            _section = Section.Issue;
        }
        else
        {
            Problem(number, $"unknown section '## {heading}' (expected '## Monitoring', '## Issue: …' or '## Notes')");
            _section = Section.Unknown;
        }
    }

    private void Continue(int number, string text)
    {
        if (_continue is null)
        {
            Problem(number, "an indented line must directly continue the line above it");
            return;
        }

        _continue(text);
    }

    private void HeaderLine(int number, string line)
    {
        var m = KeyValue().Match(line);
        if (!m.Success)
        {
            Problem(number, "expected a header line 'Key: value' (or a '## ' section)");
            return;
        }

        var key = m.Groups["key"].Value.ToLowerInvariant();
        if (!RunbookParser.IsHeaderKey(key))
        {
            Problem(number, $"unknown header '{m.Groups["key"].Value}' (expected Pipeline, Name, Schedule, Criticality, Owners, Data, Sources, Upstream, Downstream, Ready-By, Freshness, Resolution, Last-Reviewed)");
            return;
        }

        if (Header.TryGetValue(key, out var earlier))
        {
            Problem(number, $"'{RunbookParser.Title(key)}' is already set on line {earlier.Line}");
            return;
        }

        Header[key] = (m.Groups["value"].Value.Trim(), number);
        _continue = more => Header[key] = ((Header[key].Value + " " + more).Trim(), Header[key].Line);
    }

    private void MonitoringLine(int number, string line)
    {
        var m = Bullet().Match(line);
        if (!m.Success)
        {
            Problem(number, "expected a bullet line '- …' under '## Monitoring'");
            return;
        }

        Monitoring.Add(m.Groups["text"].Value.Trim());
        var index = Monitoring.Count - 1;
        _continue = more => Monitoring[index] += " " + more;
    }

    private void IssueLine(int number, string line)
    {
        var draft = _issue!;
        var step = Step().Match(line);
        if (step.Success)
        {
            var n = int.Parse(step.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (n != draft.Steps.Count + 1)
            {
                Problem(number, $"step {n} is out of order (expected step {draft.Steps.Count + 1})");
            }

            draft.Steps.Add(step.Groups["text"].Value.Trim());
            var index = draft.Steps.Count - 1;
            _continue = more => draft.Steps[index] += " " + more;
            return;
        }

        var m = KeyValue().Match(line);
        if (!m.Success)
        {
            Problem(number, "expected 'Field: value' or a numbered step '1. …' in an issue");
            return;
        }

        var value = m.Groups["value"].Value.Trim();
        var key = m.Groups["key"].Value.ToLowerInvariant();
        if (!draft.Set(key, value, out var problem))
        {
            Problem(number, problem);
            return;
        }

        if (key == "id" && !IdProblem(number, value))
        {
            _issueIds.Add(value);
        }

        _continue = key == "steps" ? null : more => draft.Set(key, draft.Get(key) + " " + more, out _, append: true);
    }

    private bool IdProblem(int number, string id)
    {
        if (!RunbookParser.Slug().IsMatch(id))
        {
            Problem(number, $"issue id '{id}' must be lower-case words joined by hyphens");
            return true;
        }

        if (_issueIds.Contains(id))
        {
            Problem(number, $"issue id '{id}' is used twice in this file");
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z][A-Za-z-]*):(?:\s+(?<value>.*)|$)")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"^[-*]\s+(?<text>.+)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?<n>\d{1,3})[.)]\s+(?<text>.+)$")]
    private static partial Regex Step();
}
