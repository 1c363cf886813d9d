namespace TechFlow.OnCall.Core.Schedule;

/// <summary>A stretch of one shift in which neither role changes hands: one row of the schedule table, one team calendar event.</summary>
public sealed record ScheduleSegment(DateTimeOffset Start, DateTimeOffset End, ScheduleSlice Primary, ScheduleSlice Secondary)
{
    /// <summary>True when this stretch is the whole shift (nothing changed hands inside it).</summary>
    public bool IsWholeShift => Start == Primary.Window.Start && End == Primary.Window.End;

    public ScheduleSlice Slice(ShiftRole role) => role == ShiftRole.Primary ? Primary : Secondary;
}
