using System.Globalization;
using System.Text;
using System.Text.Json;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCallBot.Calendar;

namespace TechFlow.OnCallBot.Cli;

/// <summary><c>schedule [--from DATE] [--weeks N] [--format json|ics]</c>: the stored schedule for scripts.</summary>
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

        var start = clock.ToInstant(from, TimeOnly.MinValue);
        var end = clock.ToInstant(from.AddDays(7 * weeks), TimeOnly.MinValue);
        if (format == "ics")
        {
            await output.WriteAsync(services.GetRequiredService<ScheduleFeed>().Team(start, end));
            return 0;
        }

        var shifts = services.GetRequiredService<ScheduleService>().Shifts(start, end);
        await output.WriteLineAsync(Json(shifts, services));
        return 0;
    }

    private static string Json(IReadOnlyList<Shift> shifts, IServiceProvider services)
    {
        var clock = services.GetRequiredService<TeamClock>();
        var roster = services.GetRequiredService<RosterService>();
        var facts = services.GetRequiredService<WindowFactsCalculator>()
            .For([.. shifts.Select(s => new ShiftWindow(clock.LocalDate(s.Start), s.Start, s.End))]);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            for (var i = 0; i < shifts.Count; i++)
            {
                var shift = shifts[i];
                json.WriteStartObject();
                json.WriteString("id", shift.Id);
                json.WriteString("start", clock.ToLocalOffset(shift.Start));
                json.WriteString("end", clock.ToLocalOffset(shift.End));
                Person(json, "primary", shift.PrimaryId, roster);
                Person(json, "secondary", shift.SecondaryId, roster);
                json.WriteStartArray("holidays");
                foreach (var holiday in facts[i].Holidays)
                {
                    json.WriteStringValue(holiday.Name);
                }

                json.WriteEndArray();
                json.WriteBoolean("majorHoliday", facts[i].IsMajorHoliday);
                json.WriteBoolean("investorPeriod", facts[i].IsInvestorPeriod);
                json.WriteString("source", shift.Source);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Person(Utf8JsonWriter json, string role, string id, RosterService roster)
    {
        json.WriteStartObject(role);
        json.WriteString("id", id);
        json.WriteString("name", roster.Find(id)?.Name ?? id);
        json.WriteEndObject();
    }
}
