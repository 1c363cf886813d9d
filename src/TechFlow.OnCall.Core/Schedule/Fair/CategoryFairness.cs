namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>How even one category is: the spread (max minus min), its lower bound, and why the bound is above 1.</summary>
public sealed record CategoryFairness(FairnessCategory Category, int Spread, int LowerBound, string? Reason)
{
    public bool AtLowerBound => Spread <= LowerBound;
}
