using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>
/// Plans shifts that keep every hard rule and balance, per engineer, primary, secondary, holiday, major-holiday
/// and investor-period windows, counting history so that the next plan evens out the last.
/// </summary>
/// <remarks>
/// A greedy pass with one window of lookahead fills the windows in order; a local search then reassigns roles
/// and swaps primaries between windows while the weighted sum of squared counts goes down. A window that
/// cannot be filled without breaking a rule is left empty and reported as a <see cref="ScheduleProblem"/>.
/// </remarks>
public sealed class FairScheduleGenerator(
    WindowFactsCalculator calculator,
    ScheduleRules rules,
    FairScheduleOptions options,
    TimeProvider time) : IScheduleGenerator
{
    public const string GeneratorName = "fair";

    public string Name => GeneratorName;

    public SchedulePlan Generate(ScheduleRequest request) => Plan(request).Plan;

    /// <summary>Plans and returns the plan with the facts and baseline it was balanced against.</summary>
    public FairPlan Plan(ScheduleRequest request)
    {
        var people = request.Engineers.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var facts = calculator.For(request.Windows);
        var historyFacts = calculator.For([.. request.History.Select(h => new ShiftWindow(calculator.LocalDate(h.Start), h.Start, h.End))]);
        var baseline = Baseline(people, request.History, historyFacts);
        if (people.Count < 2)
        {
            return new FairPlan(
                new SchedulePlan([], [.. request.Windows.Select(w => new ScheduleProblem(w, "fewer than two engineers are in the rotation"))]),
                facts,
                baseline);
        }

        var planner = new FairPlanner(people, facts, request, baseline, rules, options.Weights);
        planner.Fill();
        planner.Improve();
        var now = time.GetUtcNow();
        var fixedById = request.Fixed.ToDictionary(s => s.Id);
        var shifts = new List<Shift>();
        var problems = new List<ScheduleProblem>();
        for (var w = 0; w < facts.Count; w++)
        {
            var window = facts[w].Window;
            if (fixedById.TryGetValue(window.Id, out var kept))
            {
                shifts.Add(kept);
            }
            else if (planner.Problem(w) is { } reason)
            {
                problems.Add(new ScheduleProblem(window, reason));
            }
            else
            {
                shifts.Add(new Shift
                {
                    Id = window.Id,
                    Start = window.Start,
                    End = window.End,
                    PrimaryId = people[planner.PrimaryAt(w)].Id,
                    SecondaryId = people[planner.SecondaryAt(w)].Id,
                    PlannedAt = now,
                    Source = Name,
                });
            }
        }

        return new FairPlan(new SchedulePlan(shifts, problems), facts, baseline);
    }

    /// <summary>
    /// Counts per engineer from history. An engineer with no history, when others have some, starts at the
    /// average of those who do, so that a new joiner is not handed every holiday at once.
    /// </summary>
    private static Dictionary<string, int[]> Baseline(IReadOnlyList<Engineer> people, IReadOnlyList<Shift> history, IReadOnlyList<WindowFacts> facts)
    {
        var counts = people.ToDictionary(p => p.Id, _ => new int[FairnessCounts.Categories]);
        for (var i = 0; i < history.Count; i++)
        {
            FairnessCounts.Add(counts, history[i], facts[i]);
        }

        var withHistory = counts.Values.Where(c => c[0] + c[1] > 0).ToList();
        if (withHistory.Count > 0)
        {
            foreach (var c in counts.Values.Where(c => c[0] + c[1] == 0))
            {
                for (var k = 0; k < c.Length; k++)
                {
                    c[k] = (int)Math.Floor(withHistory.Average(h => h[k]));
                }
            }
        }

        return counts;
    }
}
