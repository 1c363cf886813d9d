using System.Diagnostics;
using System.Globalization;
using TechFlow.OnCall.Core.Schedule.Fair;

namespace TechFlow.OnCall.Benchmarks;

/// <summary>
/// Prints, per team size, the 3-year plan time and each category's spread beside its lower bound (markdown); then the
/// seed team's 3 years from 2026-11-27, planned in one pass and the way the bot plans it (stored year, then the rest).
/// </summary>
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

        using var seed = new SeedTeamScenario();
        var clock = Stopwatch.StartNew();
        var one = seed.Generator.Plan(seed.Request);
        var oneTime = clock.Elapsed.TotalMilliseconds;
        Row(output, "seed team, one 3-year plan", oneTime, one.Plan.Problems.Count, seed.Reporter.ForPlan(one, seed.Request));
        clock.Restart();
        var stored = seed.AsTheBotPlansIt();
        Row(output, "seed team, stored year + `schedule --weeks 156`", clock.Elapsed.TotalMilliseconds, 0, stored);
    }

    private static void Row(TextWriter output, string name, double ms, int problems, FairnessReport report) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ms:0.0} ms | {problems} | {string.Join(" | ", report.Categories.Select(c => $"{c.Spread} / {c.LowerBound}"))} |"));
}
