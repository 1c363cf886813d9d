using TechFlow.OnCall.Core.Calendar;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>What a window contains: the local days it touches, their holidays, and whether it touches the investor period.</summary>
/// <param name="FirstDay">The local date the window starts on.</param>
/// <param name="LastDay">The last local date the window covers any part of.</param>
public sealed record WindowFacts(
    ShiftWindow Window,
    DateOnly FirstDay,
    DateOnly LastDay,
    IReadOnlyList<Holiday> Holidays,
    bool IsMajorHoliday,
    bool IsInvestorPeriod)
{
    public bool IsHoliday => Holidays.Count > 0;

    /// <summary>True when the window counts in <paramref name="category"/> for its primary.</summary>
    public bool Counts(FairnessCategory category) => category switch
    {
        FairnessCategory.Holiday => IsHoliday,
        FairnessCategory.MajorHoliday => IsMajorHoliday,
        FairnessCategory.InvestorPeriod => IsInvestorPeriod,
        _ => true,
    };
}
