namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>What regeneration changed, whose shifts moved (to tell them), and what it could not plan.</summary>
public sealed record RegenerationResult(
    IReadOnlyList<ShiftChange> Changes,
    IReadOnlyList<string> MovedEngineerIds,
    IReadOnlyList<ScheduleProblem> Problems);
