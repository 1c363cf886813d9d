using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>One engineer's counts per category and hours on call (primary or secondary) in and out of working hours.</summary>
public sealed record EngineerFairness(Engineer Engineer, IReadOnlyList<int> Counts, double HoursInWorkingHours, double HoursOutsideWorkingHours)
{
    public int this[FairnessCategory category] => Counts[(int)category];
}
