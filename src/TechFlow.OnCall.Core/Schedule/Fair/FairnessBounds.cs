namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>The lowest spread (max minus min) one category can reach.</summary>
/// <remarks>
/// Each engineer ends with a count between what they carried in (<c>from</c>) and that plus the windows they
/// were free for (<c>to</c>); the counts add up to <c>total</c>. The smallest interval [L, L+d] that every
/// engineer can be put into with the right total gives d. It relaxes the other rules, so it is a true lower bound.
/// </remarks>
public static class FairnessBounds
{
    public static int LowerBound(IReadOnlyList<long> from, IReadOnlyList<long> to, long total)
    {
        if (from.Count < 2)
        {
            return 0;
        }

        var min = from.Min();
        var max = to.Max();
        for (var d = 0L; d <= max - min; d++)
        {
            for (var low = min; low <= max; low++)
            {
                var fit = Fit(from, to, total, low, low + d);
                if (fit == 0)
                {
                    return (int)d;
                }

                if (fit > 0)
                {
                    break;
                }
            }
        }

        return (int)(max - min);
    }

    /// <summary>0 when [low, high] works; 1 when even the least counts exceed the total (raising low cannot help); -1 otherwise.</summary>
    private static int Fit(IReadOnlyList<long> from, IReadOnlyList<long> to, long total, long low, long high)
    {
        long least = 0;
        long most = 0;
        var fits = true;
        for (var i = 0; i < from.Count; i++)
        {
            var a = Math.Max(from[i], low);
            var b = Math.Min(to[i], high);
            fits &= a <= b;
            least += a;
            most += b;
        }

        return least > total ? 1 : fits && total <= most ? 0 : -1;
    }
}
