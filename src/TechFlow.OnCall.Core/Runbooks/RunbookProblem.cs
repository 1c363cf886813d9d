namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>Why a runbook file could not be read: the file (relative to the runbooks folder), the line (1-based, 0 for the whole file) and the problem.</summary>
public sealed record RunbookProblem(string File, int Line, string Problem)
{
    /// <summary><c>file:line: problem</c>.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Problem}" : $"{File}: {Problem}";
}
