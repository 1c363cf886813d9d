namespace TechFlow.OnCall.Core.Schedule;

/// <summary>What created a <see cref="ScheduleOverride"/>.</summary>
public enum OverrideKind
{
    /// <summary>Someone takes part of a shift (a cover request, or an override written by hand).</summary>
    Cover = 0,
    /// <summary>One half of an approved swap.</summary>
    Swap = 1,
}
