namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>A fair plan with what was needed to judge it: the windows' facts and each engineer's starting counts.</summary>
/// <param name="Baseline">Per engineer id, the counts carried in from history (indexed by <see cref="FairnessCategory"/>).</param>
public sealed record FairPlan(SchedulePlan Plan, IReadOnlyList<WindowFacts> Facts, IReadOnlyDictionary<string, int[]> Baseline);
