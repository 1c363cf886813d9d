namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>A folder's runbooks, or (when <see cref="Problems"/> is not empty) none and every problem found.</summary>
public sealed record RunbookParseResults(IReadOnlyList<Runbook> Runbooks, IReadOnlyList<RunbookProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
