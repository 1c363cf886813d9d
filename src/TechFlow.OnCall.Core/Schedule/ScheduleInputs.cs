using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>Everything the effective schedule is computed from, as loaded from the store (or held in memory).</summary>
/// <param name="Shifts">Planned shifts.</param>
/// <param name="Overrides">Swaps and covers; cancelled ones are ignored.</param>
/// <param name="TimeOff">Time off; only approved time off counts.</param>
/// <param name="Engineers">The roster: who exists, who is in the rotation, who left and when.</param>
public sealed record ScheduleInputs(
    IReadOnlyList<Shift> Shifts,
    IReadOnlyList<ScheduleOverride> Overrides,
    IReadOnlyList<TimeOff> TimeOff,
    IReadOnlyList<Engineer> Engineers);
