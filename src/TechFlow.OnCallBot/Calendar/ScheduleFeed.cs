using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;

namespace TechFlow.OnCallBot.Calendar;

/// <summary>
/// iCalendar feeds of the effective schedule: the whole team, or one engineer's time on call. Events show who really
/// holds each stretch (a week with a mid-week cover is two events), with the planned person as a note.
/// </summary>
/// <remarks>
/// UIDs derive from the shift id, the stretch's position in it and (per engineer) the engineer, so calendar apps
/// update events in place: a changed event keeps its UID with a higher SEQUENCE and a new LAST-MODIFIED, and an event
/// that disappears is published with STATUS:CANCELLED while the feed reaches back to it (<see cref="FeedRevisions"/>).
/// </remarks>
public sealed class ScheduleFeed(EffectiveSchedule schedule, RosterService roster, WindowFactsCalculator calculator, TeamClock clock, FeedRevisions revisions)
{
    public const string UidDomain = "oncall.techflow";
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string TeamFeed = "team";

    /// <summary>How far back a feed reaches, so recent shifts (and cancellations) stay visible.</summary>
    public const int PastWeeks = 4;

    /// <summary>The team feed over [from, to); the default range is the recent past through the planned horizon.</summary>
    public string Team(DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var (start, end) = Range(from, to);
        return Team(schedule.Shifts(start, end), start, end);
    }

    /// <summary>The team feed of <paramref name="shifts"/> (for an export that planned past the stored horizon).</summary>
    public string Team(IReadOnlyList<EffectiveShift> shifts, DateTimeOffset from, DateTimeOffset to) =>
        Serialize(revisions.Publish(TeamFeed, TeamEvents(shifts), from, to), $"{clock.Settings.Name} on call");

    /// <summary>One engineer's time on call, or null when the id is not an engineer.</summary>
    public string? ForEngineer(string engineerId, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (roster.Find(engineerId) is not { } engineer)
        {
            return null;
        }

        var (start, end) = Range(from, to);
        var events = EngineerEvents(schedule.Shifts(start, end), engineer);
        return Serialize(revisions.Publish(engineer.Id, events, start, end), $"On call: {engineer.Name}");
    }

    /// <summary>The UID of the <paramref name="part"/>-th event (from 0) of a shift in the team feed, or in <paramref name="engineerId"/>'s feed.</summary>
    public static string Uid(string shiftId, string? engineerId, int part = 0)
    {
        var suffix = part == 0 ? "" : $"-{part + 1}";
        return engineerId is null ? $"shift-{shiftId}{suffix}@{UidDomain}" : $"shift-{shiftId}-{engineerId}{suffix}@{UidDomain}";
    }

    private (DateTimeOffset Start, DateTimeOffset End) Range(DateTimeOffset? from, DateTimeOffset? to) =>
        (from ?? clock.Now.AddDays(-7 * PastWeeks), to ?? clock.Now.AddDays(7 * (clock.Settings.PlanAheadWeeks + 1)));

    private List<FeedEvent> TeamEvents(IReadOnlyList<EffectiveShift> shifts)
    {
        var facts = calculator.For([.. shifts.Select(s => s.Window)]);
        var events = new List<FeedEvent>();
        for (var i = 0; i < shifts.Count; i++)
        {
            var segments = shifts[i].Segments();
            for (var k = 0; k < segments.Count; k++)
            {
                var s = segments[k];
                var notes = new List<string> { $"Primary: {SliceText.Name(s.Primary)}", $"Secondary: {SliceText.Name(s.Secondary)}" };
                notes.AddRange(new[] { s.Primary, s.Secondary }.Select(SliceText.Note).OfType<string>().Select(n => $"Note: {n}"));
                notes.AddRange(Facts(facts[i]));
                events.Add(new FeedEvent(
                    Uid(shifts[i].Id, null, k),
                    s.Start,
                    s.End,
                    $"On call: {SliceText.Name(s.Primary)} (primary), {SliceText.Name(s.Secondary)} (secondary)",
                    string.Join("\n", notes)));
            }
        }

        return events;
    }

    private List<FeedEvent> EngineerEvents(IReadOnlyList<EffectiveShift> shifts, Engineer engineer)
    {
        var facts = calculator.For([.. shifts.Select(s => s.Window)]);
        var events = new List<FeedEvent>();
        for (var i = 0; i < shifts.Count; i++)
        {
            var held = Merge(shifts[i].AllSlices().Where(s => s.HolderId == engineer.Id).ToList());
            for (var k = 0; k < held.Count; k++)
            {
                var (role, start, end, first) = held[k];
                var other = shifts[i].SliceAt(role == ShiftRole.Primary ? ShiftRole.Secondary : ShiftRole.Primary, start)!;
                var summary = role == ShiftRole.Primary ? $"On call: primary (backup {SliceText.Name(other)})" : $"On call: secondary (primary {SliceText.Name(other)})";
                var notes = new List<string> { $"Role: {role.ToString().ToLowerInvariant()}" };
                if (SliceText.Note(first) is { } note)
                {
                    notes.Add($"Note: {note}");
                }

                notes.AddRange(Facts(facts[i]));
                events.Add(new FeedEvent(Uid(shifts[i].Id, engineer.Id, k), start, end, summary, string.Join("\n", notes)));
            }
        }

        return events;
    }

    /// <summary>Joins back-to-back slices of the same role (a person's time in one role is one event).</summary>
    private static List<(ShiftRole Role, DateTimeOffset Start, DateTimeOffset End, ScheduleSlice First)> Merge(List<ScheduleSlice> slices)
    {
        var merged = new List<(ShiftRole Role, DateTimeOffset Start, DateTimeOffset End, ScheduleSlice First)>();
        foreach (var s in slices.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && merged[^1].Role == s.Role && merged[^1].End == s.Start)
            {
                merged[^1] = merged[^1] with { End = s.End };
            }
            else
            {
                merged.Add((s.Role, s.Start, s.End, s));
            }
        }

        return merged;
    }

    private static IEnumerable<string> Facts(WindowFacts facts) =>
        facts.Holidays.Select(h => $"Holiday: {h.Name}").Concat(facts.IsInvestorPeriod ? ["Month-end investor period"] : []);

    private string Serialize(IReadOnlyList<PublishedEvent> events, string name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//TechFlow//OnCallBot//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", clock.Zone.Id);
        foreach (var p in events)
        {
            var e = p.Event;
            var stamp = new CalDateTime(p.LastModified.UtcDateTime);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = e.Uid,
                Summary = p.Cancelled ? $"Cancelled: {e.Summary}" : e.Summary,
                Description = e.Description,
                DtStart = new CalDateTime(e.Start.UtcDateTime),
                DtEnd = new CalDateTime(e.End.UtcDateTime),
                DtStamp = stamp,
                LastModified = stamp,
                Sequence = p.Sequence,
                Status = p.Cancelled ? "CANCELLED" : "CONFIRMED",
                Transparency = "TRANSPARENT",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
