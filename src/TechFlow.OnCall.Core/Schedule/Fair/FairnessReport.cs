namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>Per engineer counts and hours, and per category the spread beside its lower bound.</summary>
/// <param name="Shifts">How many shifts the report counts.</param>
/// <param name="IncludesHistory">True when the counts start from history carried in (a plan's view).</param>
public sealed record FairnessReport(
    IReadOnlyList<EngineerFairness> Engineers,
    IReadOnlyList<CategoryFairness> Categories,
    int Shifts,
    bool IncludesHistory)
{
    public CategoryFairness this[FairnessCategory category] => Categories[(int)category];

    public bool AllAtLowerBound => Categories.All(c => c.AtLowerBound);
}
