namespace TechFlow.OnCall.Core.Schedule;

public enum ShiftRole
{
    Primary = 0,
    Secondary = 1,
}
