using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>A heads-up <see cref="AnnouncementOptions.HolidayLeadDays"/> before each holiday saying who covers it.</summary>
public sealed class HolidayAnnouncements(
    TeamClock clock,
    TeamCalendar calendar,
    EffectiveSchedule schedule,
    AnnouncementOptions options) : IAnnouncementSource
{
    public const string Kind = "holiday";

    public IEnumerable<DueAnnouncement> Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (!LocalTimes.Crosses(clock, from, to, options.PostAt))
        {
            yield break;
        }

        var lead = Math.Max(0, options.HolidayLeadDays);
        var first = clock.LocalDate(from).AddDays(lead - 1);
        var last = clock.LocalDate(to).AddDays(lead + 1);
        foreach (var day in calendar.Holidays(first, last).GroupBy(h => h.Date))
        {
            var date = day.Key;
            var due = clock.ToInstant(date.AddDays(-lead), options.PostAt);
            if (due > from && due <= to)
            {
                var names = string.Join(" and ", day.Select(h => h.Name).Distinct());
                yield return new DueAnnouncement($"{Kind}:{date:yyyy-MM-dd}", Kind, due, now => HeadsUp(date, names, now));
            }
        }
    }

    private IReadOnlyList<OutboxMessage> HeadsUp(DateOnly date, string names, DateTimeOffset now)
    {
        var snapshot = schedule.At(clock.ToInstant(date, new TimeOnly(12, 0)));
        var b = new ReplyBuilder().Heading($"Holiday ahead: {names}, {TimeText.Date(date)}");
        b.Text(snapshot is null
            ? "Nobody is scheduled on call that day yet."
            : $"{SliceText.Who(b, snapshot.Primary)} is primary and {SliceText.Who(b, snapshot.Secondary)} secondary on call that day.");
        b.Context("Need to swap? ⟦oncall⟧ swap");
        var key = $"{Kind}:{date:yyyy-MM-dd}";
        return [new OutboxMessage { Id = key, Kind = Kind, Channel = options.ChannelFor(Kind), Reply = b.Build() with { InChannel = true } }];
    }
}
