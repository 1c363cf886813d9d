namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>A parsed runbook, or the problems that stopped it (then <see cref="Runbook"/> is null).</summary>
public sealed record RunbookParseResult(Runbook? Runbook, IReadOnlyList<RunbookProblem> Problems)
{
    public bool Succeeded => Runbook is not null && Problems.Count == 0;
}
