using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;

namespace TechFlow.OnCallBot.Calendar;

/// <summary>
/// iCalendar feeds of the stored schedule: the whole team, or one engineer's shifts. Each event's UID is
/// derived from the shift id (and the engineer), so calendar apps update events in place when a shift changes.
/// </summary>
public sealed class ScheduleFeed(ScheduleService schedule, RosterService roster, WindowFactsCalculator calculator, TeamClock clock)
{
    public const string UidDomain = "oncall.techflow";
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>How far back a feed reaches, so recent shifts stay visible.</summary>
    public const int PastWeeks = 4;

    /// <summary>The team feed over [from, to); the default range is the recent past through the planned horizon.</summary>
    public string Team(DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        Serialize(Shifts(from, to), null, $"{clock.Settings.Name} on call");

    /// <summary>One engineer's shifts, or null when the id is not an engineer.</summary>
    public string? ForEngineer(string engineerId, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (roster.Find(engineerId) is not { } engineer)
        {
            return null;
        }

        var theirs = Shifts(from, to).Where(s => s.PrimaryId == engineer.Id || s.SecondaryId == engineer.Id).ToList();
        return Serialize(theirs, engineer, $"On call: {engineer.Name}");
    }

    /// <summary>The UID of the event for <paramref name="shift"/> in the team feed, or in <paramref name="engineerId"/>'s feed.</summary>
    public static string Uid(Shift shift, string? engineerId) =>
        engineerId is null ? $"shift-{shift.Id}@{UidDomain}" : $"shift-{shift.Id}-{engineerId}@{UidDomain}";

    private IReadOnlyList<Shift> Shifts(DateTimeOffset? from, DateTimeOffset? to)
    {
        var start = from ?? clock.Now.AddDays(-7 * PastWeeks);
        var end = to ?? clock.Now.AddDays(7 * (clock.Settings.PlanAheadWeeks + 1));
        return schedule.Shifts(start, end);
    }

    private string Serialize(IReadOnlyList<Shift> shifts, Engineer? engineer, string name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//TechFlow//OnCallBot//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", clock.Zone.Id);
        var facts = calculator.For([.. shifts.Select(s => new ShiftWindow(clock.LocalDate(s.Start), s.Start, s.End))]);
        for (var i = 0; i < shifts.Count; i++)
        {
            var shift = shifts[i];
            var primary = roster.Find(shift.PrimaryId)?.Name ?? shift.PrimaryId;
            var secondary = roster.Find(shift.SecondaryId)?.Name ?? shift.SecondaryId;
            var summary = engineer is null
                ? $"On call: {primary} (primary), {secondary} (secondary)"
                : shift.PrimaryId == engineer.Id ? $"On call: primary (backup {secondary})" : $"On call: secondary (primary {primary})";
            var notes = new List<string> { $"Primary: {primary}", $"Secondary: {secondary}" };
            notes.AddRange(facts[i].Holidays.Select(h => $"Holiday: {h.Name}"));
            if (facts[i].IsInvestorPeriod)
            {
                notes.Add("Month-end investor period");
            }

            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(shift, engineer?.Id),
                Summary = summary,
                Description = string.Join("\n", notes),
                DtStart = new CalDateTime(shift.Start.UtcDateTime),
                DtEnd = new CalDateTime(shift.End.UtcDateTime),
                DtStamp = new CalDateTime((shift.PlannedAt == default ? shift.Start : shift.PlannedAt).UtcDateTime),
                Transparency = "TRANSPARENT",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
