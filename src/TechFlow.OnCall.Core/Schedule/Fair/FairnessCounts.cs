namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>Counting shifts into the fairness categories.</summary>
public static class FairnessCounts
{
    public const int Categories = 5;

    public static IReadOnlyList<FairnessCategory> All { get; } = Enum.GetValues<FairnessCategory>();

    /// <summary>Adds <paramref name="shift"/> to the counts of its primary and secondary (when they are in <paramref name="counts"/>).</summary>
    public static void Add(IDictionary<string, int[]> counts, Shift shift, WindowFacts facts)
    {
        if (counts.TryGetValue(shift.PrimaryId, out var primary))
        {
            foreach (var category in All)
            {
                if (category != FairnessCategory.Secondary && facts.Counts(category))
                {
                    primary[(int)category]++;
                }
            }
        }

        if (counts.TryGetValue(shift.SecondaryId, out var secondary))
        {
            secondary[(int)FairnessCategory.Secondary]++;
        }
    }
}
