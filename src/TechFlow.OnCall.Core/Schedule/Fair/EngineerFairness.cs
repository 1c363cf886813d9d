using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>
/// One engineer's counts per category and hours on call (primary or secondary) in and out of working hours, counted
/// for whoever really held each role; <see cref="HoursFromSwaps"/> of those hours came from swaps and covers.
/// </summary>
public sealed record EngineerFairness(Engineer Engineer, IReadOnlyList<int> Counts, double HoursInWorkingHours, double HoursOutsideWorkingHours)
{
    /// <summary>Hours this engineer held a role that someone else was planned for (swaps and covers).</summary>
    public double HoursFromSwaps { get; init; }

    public int this[FairnessCategory category] => Counts[(int)category];
}
