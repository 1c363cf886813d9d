namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>What the fair generator balances per engineer.</summary>
/// <remarks>Holiday, major-holiday and investor-period windows count the engineer who is primary in them.</remarks>
public enum FairnessCategory
{
    Primary = 0,
    Secondary = 1,
    Holiday = 2,
    MajorHoliday = 3,
    InvestorPeriod = 4,
}
