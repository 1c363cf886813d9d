using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>Assigns a primary and a secondary to each window.</summary>
public interface IScheduleGenerator
{
    /// <summary>The generator's name, stored on every shift it makes.</summary>
    string Name { get; }

    SchedulePlan Generate(ScheduleRequest request);
}

/// <summary>What to plan: the windows, who may be scheduled, what happened before, and who is away.</summary>
/// <param name="Windows">Consecutive windows to fill, in order.</param>
/// <param name="Engineers">Engineers in rotation.</param>
/// <param name="History">Earlier shifts (most recent last), for fairness and for "not primary twice in a row".</param>
/// <param name="TimeOff">Approved time off overlapping the windows.</param>
/// <param name="Fixed">Shifts inside the windows that must be kept as they are (the frozen near future).</param>
public sealed record ScheduleRequest(
    IReadOnlyList<ShiftWindow> Windows,
    IReadOnlyList<Engineer> Engineers,
    IReadOnlyList<Shift> History,
    IReadOnlyList<TimeOff> TimeOff,
    IReadOnlyList<Shift> Fixed);

/// <summary>The generator's answer: one shift per window it could fill, and why others could not be.</summary>
public sealed record SchedulePlan(IReadOnlyList<Shift> Shifts, IReadOnlyList<ScheduleProblem> Problems);

/// <summary>A window where the hard rules could not all be met.</summary>
public sealed record ScheduleProblem(ShiftWindow Window, string Reason);
