using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>Builds <see cref="FairnessReport"/>s for the effective schedule or for a plan.</summary>
/// <remarks>
/// A window's primary, secondary and investor-period counts go to whoever held the role for most of it; a holiday
/// counts for whoever was primary on the holiday itself. Hours are exact, slice by slice, so a partial cover moves
/// hours but not a whole count.
/// </remarks>
public sealed class FairnessReporter(WindowFactsCalculator calculator, TeamClock clock)
{
    private readonly TeamSettings _settings = clock.Settings;

    /// <summary>The report of a fair plan, counting from the history it was balanced against.</summary>
    public FairnessReport ForPlan(FairPlan plan, ScheduleRequest request) =>
        Build(plan.Plan.Shifts, request.Engineers, request.TimeOff, plan.Baseline);

    /// <summary>The report of planned <paramref name="shifts"/> taken as they are (no swaps or time off applied).</summary>
    /// <param name="baseline">Counts carried in per engineer id (for a plan's view); null to count these shifts only.</param>
    public FairnessReport Build(
        IReadOnlyList<Shift> shifts,
        IReadOnlyList<Engineer> engineers,
        IReadOnlyList<TimeOff> timeOff,
        IReadOnlyDictionary<string, int[]>? baseline = null) =>
        Build(EffectiveScheduleCalculator.Compute(new ScheduleInputs(shifts, [], [], engineers), clock.Zone), engineers, timeOff, baseline);

    /// <summary>The report of the effective <paramref name="shifts"/> for <paramref name="engineers"/>.</summary>
    /// <param name="baseline">Counts carried in per engineer id (for a plan's view); null to count these shifts only.</param>
    public FairnessReport Build(
        IReadOnlyList<EffectiveShift> shifts,
        IReadOnlyList<Engineer> engineers,
        IReadOnlyList<TimeOff> timeOff,
        IReadOnlyDictionary<string, int[]>? baseline = null)
    {
        var people = engineers.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var facts = calculator.For([.. shifts.Select(s => s.Window)]);
        var start = people.ToDictionary(p => p.Id, p => baseline?.GetValueOrDefault(p.Id) ?? new int[FairnessCounts.Categories]);
        var counts = start.ToDictionary(x => x.Key, x => (int[])x.Value.Clone());
        var caps = people.ToDictionary(p => p.Id, _ => new long[FairnessCounts.Categories]);
        var hoursIn = people.ToDictionary(p => p.Id, _ => 0.0);
        var hoursOut = people.ToDictionary(p => p.Id, _ => 0.0);
        var fromSwaps = people.ToDictionary(p => p.Id, _ => 0.0);
        var timeOffByEngineer = timeOff.ToLookup(t => t.EngineerId);
        for (var i = 0; i < shifts.Count; i++)
        {
            var shift = shifts[i];
            Count(counts, shift, facts[i]);
            foreach (var person in people.Where(p => ScheduleRules.IsAvailable(p, facts[i], timeOffByEngineer[p.Id])))
            {
                foreach (var category in FairnessCounts.All.Where(facts[i].Counts))
                {
                    caps[person.Id][(int)category]++;
                }
            }

            foreach (var slice in shift.AllSlices().Where(s => s.Holder is not null && hoursIn.ContainsKey(s.Holder.Id)))
            {
                var id = slice.Holder!.Id;
                var inHours = WorkingHours(slice.Start, slice.End, facts[i]);
                hoursIn[id] += inHours;
                hoursOut[id] += slice.Duration.TotalHours - inHours;
                if (slice.Reason is SliceReason.Swap or SliceReason.Cover)
                {
                    fromSwaps[id] += slice.Duration.TotalHours;
                }
            }
        }

        var categories = FairnessCounts.All
            .Select(c => Category(c, people, start, counts, caps))
            .ToList();
        var rows = people.Select(p => new EngineerFairness(p, counts[p.Id], hoursIn[p.Id], hoursOut[p.Id]) { HoursFromSwaps = fromSwaps[p.Id] }).ToList();
        return new FairnessReport(rows, categories, shifts.Count, baseline is not null);
    }

    /// <summary>Adds one window to the counts of the people who really worked it.</summary>
    private void Count(Dictionary<string, int[]> counts, EffectiveShift shift, WindowFacts facts)
    {
        Add(counts, shift.WorkedBy(ShiftRole.Primary), FairnessCategory.Primary);
        Add(counts, shift.WorkedBy(ShiftRole.Secondary), FairnessCategory.Secondary);
        if (facts.IsInvestorPeriod)
        {
            Add(counts, shift.WorkedBy(ShiftRole.Primary), FairnessCategory.InvestorPeriod);
        }

        if (facts.IsHoliday)
        {
            Add(counts, shift.HolderAt(ShiftRole.Primary, OnTheDay(shift, facts.Holidays[0].Date)), FairnessCategory.Holiday);
        }

        if (facts.IsMajorHoliday)
        {
            var major = facts.Holidays.First(h => calculator.IsMajor(h));
            Add(counts, shift.HolderAt(ShiftRole.Primary, OnTheDay(shift, major.Date)), FairnessCategory.MajorHoliday);
        }
    }

    private static void Add(Dictionary<string, int[]> counts, Engineer? engineer, FairnessCategory category)
    {
        if (engineer is not null && counts.TryGetValue(engineer.Id, out var c))
        {
            c[(int)category]++;
        }
    }

    /// <summary>Midday of <paramref name="day"/>, kept inside the shift (a holiday it only touches at an edge).</summary>
    private DateTimeOffset OnTheDay(EffectiveShift shift, DateOnly day)
    {
        var noon = clock.ToInstant(day, new TimeOnly(12, 0));
        return noon < shift.Start ? shift.Start : noon >= shift.End ? shift.End.AddTicks(-1) : noon;
    }

    private static CategoryFairness Category(
        FairnessCategory category,
        List<Engineer> people,
        Dictionary<string, int[]> start,
        Dictionary<string, int[]> counts,
        Dictionary<string, long[]> caps)
    {
        var k = (int)category;
        if (people.Count == 0)
        {
            return new CategoryFairness(category, 0, 0, null);
        }

        var final = people.Select(p => (long)counts[p.Id][k]).ToList();
        var from = people.Select(p => (long)start[p.Id][k]).ToList();
        var to = people.Select(p => start[p.Id][k] + caps[p.Id][k]).ToList();
        var total = final.Sum();
        var spread = (int)(final.Max() - final.Min());
        var bound = FairnessBounds.LowerBound(from, to, total);
        string? reason = null;
        if (bound > 1)
        {
            var unlimited = people.Select(_ => long.MaxValue / 4).ToList();
            if (FairnessBounds.LowerBound(from, unlimited, total) > 1)
            {
                reason = $"carried over from history: counts started between {from.Min()} and {from.Max()}";
            }
            else
            {
                var least = to.Min();
                var names = people.Where((_, i) => to[i] == least).Select(p => p.Name);
                reason = $"time off or joining dates: {string.Join(", ", names)} could take at most {least}";
            }
        }

        return new CategoryFairness(category, spread, bound, reason);
    }

    /// <summary>Hours of [from, to) inside working hours on business days (weekdays that are not holidays).</summary>
    private double WorkingHours(DateTimeOffset start, DateTimeOffset end, WindowFacts facts)
    {
        var holidays = facts.Holidays.Select(h => h.Date).ToHashSet();
        var hours = 0.0;
        for (var day = facts.FirstDay; day <= facts.LastDay; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(day))
            {
                continue;
            }

            var from = Max(start, clock.ToInstant(day, _settings.WorkdayStart));
            var to = Min(end, clock.ToInstant(day, _settings.WorkdayEnd));
            if (to > from)
            {
                hours += (to - from).TotalHours;
            }
        }

        return hours;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
