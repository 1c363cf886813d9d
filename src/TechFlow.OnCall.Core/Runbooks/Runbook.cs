namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>
/// How to keep one pipeline healthy at 3 AM: its details, dependencies, SLA, monitoring and common issues.
/// Loaded from a reviewed Markdown file (see docs/runbooks.md); <see cref="Id"/> is the pipeline id.
/// </summary>
public sealed record Runbook
{
    /// <summary>The pipeline id, such as <c>aggregate-profit</c>.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string RunSchedule { get; init; } = "";
    /// <summary>Low, Medium, High or Critical, as written in the file.</summary>
    public string Criticality { get; init; } = "";
    /// <summary>Engineer ids (or names), primary first.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];
    public IReadOnlyList<string> DataTypes { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyList<string> Upstream { get; init; } = [];
    public IReadOnlyList<string> Downstream { get; init; } = [];
    /// <summary>The SLA ready-by time, in words ("06:00 team time").</summary>
    public string ReadyBy { get; init; } = "";
    public string Freshness { get; init; } = "";
    public string ResolutionTarget { get; init; } = "";
    /// <summary>Monitoring checks and alert thresholds, one per line.</summary>
    public IReadOnlyList<string> Monitoring { get; init; } = [];
    public DateOnly LastReviewed { get; init; }
    /// <summary>The file it was loaded from, relative to the runbooks folder.</summary>
    public string SourceFile { get; init; } = "";
    /// <summary>Common issues, most frequent first.</summary>
    public IReadOnlyList<RunbookIssue> Issues { get; init; } = [];

    public RunbookIssue? Issue(string issueId) => Issues.FirstOrDefault(i => i.Id == issueId);
}
