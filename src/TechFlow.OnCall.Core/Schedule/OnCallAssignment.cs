using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>Who holds one role at an instant, and until when that stays true.</summary>
/// <param name="Override">The override that put them there, if any.</param>
public sealed record OnCallAssignment(ShiftRole Role, Engineer Engineer, DateTimeOffset Until, ScheduleOverride? Override);

/// <summary>Primary and secondary on call at <see cref="At"/>, with the shift they belong to.</summary>
public sealed record OnCallSnapshot(DateTimeOffset At, Shift Shift, OnCallAssignment Primary, OnCallAssignment Secondary);
