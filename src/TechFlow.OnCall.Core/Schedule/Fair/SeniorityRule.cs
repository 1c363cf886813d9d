namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>When a junior primary must be backed by a senior or mid-level secondary.</summary>
public enum SeniorityRule
{
    /// <summary>Never required.</summary>
    None = 0,
    /// <summary>In windows that touch the month-end investor period (the default).</summary>
    InvestorPeriod = 1,
    /// <summary>In every window.</summary>
    Always = 2,
}
