namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>The issue of <see cref="Runbook"/> that best fits some symptom text, and how well (higher is better).</summary>
public sealed record IssueMatch(Runbook Runbook, RunbookIssue Issue, double Score);
