namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>What regeneration changed, whose shifts moved (to tell them), and what it could not plan.</summary>
public sealed record RegenerationResult(
    IReadOnlyList<ShiftChange> Changes,
    IReadOnlyList<string> MovedEngineerIds,
    IReadOnlyList<ScheduleProblem> Problems)
{
    /// <summary>Ids (local start dates) of the stored shifts whose people changed, in order; newly planned windows are not counted.</summary>
    public IReadOnlyList<string> Replanned => [.. Changes.Where(c => c.Before is not null).Select(c => c.ShiftId).Order(StringComparer.Ordinal)];
}
