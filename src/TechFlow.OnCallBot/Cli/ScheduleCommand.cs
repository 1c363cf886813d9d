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

    internal static CliCommand Create(CliSession session)
    {
        var from = CliOptions.Parsed<DateOnly?>("--from", "YYYY-MM-DD", "The first shift's start date (default: today in the team's zone).", text =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? (date, null)
                : (null, $"--from \"{text}\" is not a date like 2026-11-27. Usage: {Usage}"));
        var weeks = CliOptions.Parsed("--weeks", "N", "How many shifts, 1 to 520.", text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 520
                ? (n, null)
                : (0, $"--weeks \"{text}\" must be a whole number from 1 to 520. Usage: {Usage}"), () => 4);
        var format = CliOptions.Parsed("--format", "json|ics", "json (who works each shift, slice by slice) or ics (an iCalendar feed).", text =>
            text is "json" or "ics" ? (text, null) : ("", $"--format must be json or ics. Usage: {Usage}"), () => "json");
        var command = new CliCommand("schedule", "Prints the shifts that start on or after a date, as they really are.", CliAccess.Read) { from, weeks, format };
        command.SetAction((result, _) => session.WithStoreAsync(
            services => RunAsync(result.GetValue(from), result.GetValue(weeks), result.GetValue(format)!, services, session.Output, session.Errors),
            session.Forward(session.Arguments)));
        return command;
    }

    private static async Task<int> RunAsync(DateOnly? first, int weeks, string format, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        var clock = services.GetRequiredService<TeamClock>();
        var from = first ?? clock.Today;
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
