namespace TechFlow.OnCall.Core.Schedule;

/// <summary>The shifts of a range as they really are, with what could not be planned.</summary>
/// <param name="Shifts">In order; projected ones (beyond the stored plan) are marked.</param>
/// <param name="Problems">Projected windows the planner could not fill without breaking a rule.</param>
/// <param name="NeverPlanned">Windows in the range with no stored shift that lie before the stored plan (the past).</param>
public sealed record ScheduleRange(IReadOnlyList<EffectiveShift> Shifts, IReadOnlyList<ScheduleProblem> Problems, int NeverPlanned);
