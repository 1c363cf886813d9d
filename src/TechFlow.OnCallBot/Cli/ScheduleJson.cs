using System.Text;
using System.Text.Json;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;

namespace TechFlow.OnCallBot.Cli;

/// <summary>
/// The JSON of <c>schedule --format json</c>: one object per shift with who worked each role (most of the shift), who
/// was planned, and its slices (who really held each stretch, null when uncovered, with a note when it differs).
/// </summary>
public static class ScheduleJson
{
    public static string Write(IReadOnlyList<EffectiveShift> shifts, IServiceProvider services)
    {
        var clock = services.GetRequiredService<TeamClock>();
        var facts = services.GetRequiredService<WindowFactsCalculator>().For([.. shifts.Select(s => s.Window)]);
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
                Person(json, "primary", shift.WorkedBy(ShiftRole.Primary));
                Person(json, "secondary", shift.WorkedBy(ShiftRole.Secondary));
                json.WriteStartObject("planned");
                Person(json, "primary", shift.PlannedPrimary);
                Person(json, "secondary", shift.PlannedSecondary);
                json.WriteEndObject();
                json.WriteStartArray("slices");
                foreach (var segment in shift.Segments())
                {
                    json.WriteStartObject();
                    json.WriteString("start", clock.ToLocalOffset(segment.Start));
                    json.WriteString("end", clock.ToLocalOffset(segment.End));
                    Person(json, "primary", segment.Primary.Holder);
                    Person(json, "secondary", segment.Secondary.Holder);
                    json.WriteStartArray("notes");
                    foreach (var note in new[] { segment.Primary, segment.Secondary }.Select(SliceText.Note).OfType<string>())
                    {
                        json.WriteStringValue(note);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("holidays");
                foreach (var holiday in facts[i].Holidays)
                {
                    json.WriteStringValue(holiday.Name);
                }

                json.WriteEndArray();
                json.WriteBoolean("majorHoliday", facts[i].IsMajorHoliday);
                json.WriteBoolean("investorPeriod", facts[i].IsInvestorPeriod);
                json.WriteString("source", shift.Source);
                json.WriteBoolean("projected", shift.Projected);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Person(Utf8JsonWriter json, string role, Engineer? engineer)
    {
        if (engineer is null)
        {
            json.WriteNull(role);
            return;
        }

        json.WriteStartObject(role);
        json.WriteString("id", engineer.Id);
        json.WriteString("name", engineer.Name);
        json.WriteEndObject();
    }
}
