namespace TechFlow.OnCall.Core.Schedule;

/// <summary>Who holds each role at <see cref="At"/>, from the effective schedule.</summary>
/// <param name="Shift">The planned shift running at that instant, with all its slices.</param>
/// <param name="Primary">The primary slice at that instant; its holder is null when it is uncovered.</param>
/// <param name="Secondary">The secondary slice at that instant; its holder is null when it is uncovered.</param>
/// <param name="Away">Engineers on approved time off, or gone from the team, at that instant: never paged.</param>
public sealed record OnCallSnapshot(
    DateTimeOffset At,
    EffectiveShift Shift,
    ScheduleSlice Primary,
    ScheduleSlice Secondary,
    IReadOnlySet<string> Away)
{
    public ShiftWindow Window => Shift.Window;

    public ScheduleSlice Slice(ShiftRole role) => role == ShiftRole.Primary ? Primary : Secondary;
}
