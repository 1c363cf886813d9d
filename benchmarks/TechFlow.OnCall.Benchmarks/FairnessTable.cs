using System.Diagnostics;
using System.Globalization;
using TechFlow.OnCall.Core.Schedule.Fair;

namespace TechFlow.OnCall.Benchmarks;

/// <summary>Prints, per team size, the plan time and each category's spread beside its lower bound (markdown).</summary>
public static class FairnessTable
{
    public static void Print(TextWriter output)
    {
        var categories = FairnessCounts.All;
        output.WriteLine($"| engineers | median time | problems | {string.Join(" | ", categories.Select(c => $"{c} spread / bound"))} |");
        output.WriteLine($"|---|---|---|{string.Concat(categories.Select(_ => "---|"))}");
        foreach (var size in new[] { 4, 12, 50 })
        {
            using var scenario = new FairScheduleScenario(size);
            scenario.Generator.Plan(scenario.Request);
            var times = new List<double>();
            FairPlan? plan = null;
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                plan = scenario.Generator.Plan(scenario.Request);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            var report = scenario.Reporter.ForPlan(plan!, scenario.Request);
            var median = times.Order().ElementAt(times.Count / 2);
            var cells = report.Categories.Select(c => $"{c.Spread} / {c.LowerBound}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size} | {median:0.0} ms | {plan!.Plan.Problems.Count} | {string.Join(" | ", cells)} |"));
        }
    }
}
