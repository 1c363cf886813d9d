using System.Globalization;
using System.Text.RegularExpressions;

namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>
/// Reads the runbook Markdown format described in docs/runbooks.md (with Markdig): header lines (<c>Key: value</c>),
/// then <c>## Monitoring</c>, <c>## Issue: title</c> and <c>## Notes</c> sections.
/// </summary>
/// <remarks>Strict on purpose: every problem is reported with its file and line, and nothing is guessed.</remarks>
public static partial class RunbookParser
{
    private static readonly string[] RequiredHeader =
        ["pipeline", "name", "schedule", "criticality", "owners", "ready-by", "freshness", "resolution", "last-reviewed"];

    private static readonly string[] OptionalHeader = ["data", "sources", "upstream", "downstream"];

    private static readonly string[] Criticalities = ["Low", "Medium", "High", "Critical"];

    /// <summary>Parses the text of <paramref name="fileName"/> (a name relative to the runbooks folder).</summary>
    public static RunbookParseResult Parse(string fileName, string text)
    {
        var state = new RunbookParseState(fileName);
        RunbookMarkdown.Read(text, state);
        return Finish(state, fileName);
    }

    private static RunbookParseResult Finish(RunbookParseState state, string fileName)
    {
        state.CloseIssue();
        var header = state.Header;
        foreach (var key in RequiredHeader.Where(k => !header.ContainsKey(k)))
        {
            state.Problem(state.HeaderEndLine, $"missing header line '{Title(key)}: …'");
        }

        var pipeline = Value(header, "pipeline");
        var expectedId = Path.GetFileNameWithoutExtension(fileName);
        if (pipeline.Length > 0 && !Slug().IsMatch(pipeline))
        {
            state.Problem(header["pipeline"].Line, $"pipeline id '{pipeline}' must be lower-case words joined by hyphens");
        }
        else if (pipeline.Length > 0 && !string.Equals(pipeline, expectedId, StringComparison.Ordinal))
        {
            state.Problem(header["pipeline"].Line, $"pipeline id '{pipeline}' does not match the file name (expected '{expectedId}')");
        }

        var criticality = Value(header, "criticality");
        if (criticality.Length > 0 && !Criticalities.Contains(criticality, StringComparer.OrdinalIgnoreCase))
        {
            state.Problem(header["criticality"].Line, $"criticality '{criticality}' must be one of {string.Join(", ", Criticalities)}");
        }

        var reviewed = default(DateOnly);
        var reviewedText = Value(header, "last-reviewed");
        if (reviewedText.Length > 0 && !DateOnly.TryParseExact(reviewedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out reviewed))
        {
            state.Problem(header["last-reviewed"].Line, $"last-reviewed '{reviewedText}' must be a date written yyyy-MM-dd");
        }

        if (state.Issues.Count == 0)
        {
            state.Problem(state.LastLine, "a runbook needs at least one '## Issue: …' section");
        }

        if (state.Problems.Count > 0)
        {
            return new RunbookParseResult(null, [.. state.Problems]);
        }

        var runbook = new Runbook
        {
            Id = pipeline,
            Name = Value(header, "name"),
            RunSchedule = Value(header, "schedule"),
            Criticality = Criticalities.First(c => string.Equals(c, criticality, StringComparison.OrdinalIgnoreCase)),
            Owners = List(Value(header, "owners"), ',', ';'),
            DataTypes = List(Value(header, "data"), ';'),
            Sources = List(Value(header, "sources"), ';'),
            Upstream = List(Value(header, "upstream"), ';'),
            Downstream = List(Value(header, "downstream"), ';'),
            ReadyBy = Value(header, "ready-by"),
            Freshness = Value(header, "freshness"),
            ResolutionTarget = Value(header, "resolution"),
            Monitoring = [.. state.Monitoring],
            LastReviewed = reviewed,
            SourceFile = fileName,
            Issues = [.. state.Issues],
        };
        return new RunbookParseResult(runbook, []);
    }

    internal static bool IsHeaderKey(string key) => RequiredHeader.Contains(key) || OptionalHeader.Contains(key);

    internal static string Title(string key) =>
        string.Join('-', key.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary>Splits a list value; "none" or "-" is the empty list.</summary>
    internal static IReadOnlyList<string> List(string value, params char[] separators)
    {
        var items = value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items is ["none"] or ["-"] ? [] : items;
    }

    private static string Value(Dictionary<string, (string Value, int Line)> header, string key) =>
        header.TryGetValue(key, out var entry) ? entry.Value : "";

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    internal static partial Regex Slug();
}
