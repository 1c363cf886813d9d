namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>One common problem of a pipeline: how it shows, why it happens, what to do and whom to call.</summary>
public sealed record RunbookIssue
{
    /// <summary>A slug unique within its runbook, such as <c>spark-oom</c>.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string Symptom { get; init; } = "";
    public IReadOnlyList<string> Causes { get; init; } = [];
    /// <summary>The numbered actions, in order.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];
    public string EscalateTo { get; init; } = "";
    /// <summary>Extra words and phrases people use for this problem; they weigh most in symptom search.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
}
