using System.Globalization;
using Humanizer;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCallBot.Calendar;

namespace TechFlow.OnCallBot.Cli;

/// <summary>
/// <c>schedule [--from DATE] [--weeks N] [--format json|ics]</c>: exactly the N shifts that start on or after DATE, as
/// they really are; weeks past the stored plan are planned for the answer (fairly, not stored).
/// </summary>
public static class ScheduleCommand
{
    public const string Usage = "schedule [--from YYYY-MM-DD] [--weeks N] [--format json|ics]";

    public static async Task<int> RunAsync(CliArguments args, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        var clock = services.GetRequiredService<TeamClock>();
        var from = clock.Today;
        if (args.Options.TryGetValue("from", out var fromText)
            && !DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
        {
            await errors.WriteLineAsync($"--from \"{fromText}\" is not a date like 2026-11-27. Usage: {Usage}");
            return 2;
        }

        var weeks = 4;
        if (args.Options.TryGetValue("weeks", out var weeksText)
            && (!int.TryParse(weeksText, NumberStyles.None, CultureInfo.InvariantCulture, out weeks) || weeks is < 1 or > 520))
        {
            await errors.WriteLineAsync($"--weeks \"{weeksText}\" must be a whole number from 1 to 520. Usage: {Usage}");
            return 2;
        }

        var format = args.Options.GetValueOrDefault("format") ?? "json";
        if (format is not ("json" or "ics"))
        {
            await errors.WriteLineAsync($"--format must be json or ics. Usage: {Usage}");
            return 2;
        }

        var range = services.GetRequiredService<ScheduleService>().Range(from, weeks);
        foreach (var problem in range.Problems)
        {
            await errors.WriteLineAsync($"Could not plan the shift of {problem.Window.Id}: {problem.Reason}.");
        }

        if (range.NeverPlanned > 0)
        {
            await errors.WriteLineAsync($"{"shift".ToQuantity(range.NeverPlanned)} from {from:yyyy-MM-dd} {(range.NeverPlanned == 1 ? "was" : "were")} never planned (in the past); left out.");
        }

        if (format == "ics")
        {
            var start = range.Shifts.Count > 0 ? range.Shifts[0].Start : clock.ToInstant(from, TimeOnly.MinValue);
            var end = range.Shifts.Count > 0 ? range.Shifts[^1].End : start;
            await output.WriteAsync(services.GetRequiredService<ScheduleFeed>().Team(range.Shifts, start, end));
            return 0;
        }

        await output.WriteLineAsync(ScheduleJson.Write(range.Shifts, services));
        return 0;
    }

}
