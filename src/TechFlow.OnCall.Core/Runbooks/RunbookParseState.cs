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

    /// <summary>A blank line or a new block: nothing after it continues what came before.</summary>
    public void Break() => _continue = null;

    /// <summary>The text has <paramref name="lines"/> lines.</summary>
    public void End(int lines) => LastLine = lines;

    /// <summary>A <c># </c> title line.</summary>
    public void Title(int number)
    {
        if (_section != Section.Header || Header.Count > 0)
        {
            Problem(number, "the '# ' title line must come first, before the header lines");
        }
    }

    /// <summary>A line that is neither a heading, a bullet, a step nor a continuation.</summary>
    public void Text(int number, string line)
    {
        switch (_section)
        {
            case Section.Header:
                HeaderLine(number, line);
                break;
            case Section.Monitoring:
                Problem(number, "expected a bullet line '- …' under '## Monitoring'");
                break;
            case Section.Issue:
                IssueLine(number, line);
                break;
        }
    }

    /// <summary>A <c>- </c> bullet: a monitoring check.</summary>
    public void Bullet(int number, string text)
    {
        switch (_section)
        {
            case Section.Monitoring:
                Monitoring.Add(text);
                var index = Monitoring.Count - 1;
                _continue = more => Monitoring[index] += " " + more;
                break;
            case Section.Header or Section.Issue:
                Text(number, "- " + text);
                break;
        }
    }

    /// <summary>A numbered step <c>n. </c> of the current issue.</summary>
    public void Step(int number, int n, string text)
    {
        if (_section != Section.Issue)
        {
            Text(number, $"{n}. {text}");
            return;
        }

        var draft = _issue!;
        if (n != draft.Steps.Count + 1)
        {
            Problem(number, $"step {n} is out of order (expected step {draft.Steps.Count + 1})");
        }

        draft.Steps.Add(text);
        var index = draft.Steps.Count - 1;
        _continue = more => draft.Steps[index] += " " + more;
    }

    /// <summary>An indented line: it continues the line above it.</summary>
    public void Continue(int number, string text)
    {
        if (_section is Section.Notes or Section.Unknown)
        {
            return;
        }

        if (_continue is null)
        {
            Problem(number, "an indented line must directly continue the line above it");
            return;
        }

        _continue(text);
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

    /// <summary>A <c>## </c> heading: Monitoring, Issue: title, or Notes.</summary>
    public void Heading(int number, string heading)
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

    private void IssueLine(int number, string line)
    {
        var draft = _issue!;
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
}
