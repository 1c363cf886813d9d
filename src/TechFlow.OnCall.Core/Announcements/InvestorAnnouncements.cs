using System.Globalization;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>
/// The month-end investor period: a warning some business days before it starts, a post on its first day
/// (both at <see cref="AnnouncementOptions.PostAt"/>), and a closing note at the end of its last workday.
/// </summary>
/// <remarks>
/// Posts go to the investor-period channel and, once more, to every distinct channel of an investor-facing
/// pipeline (key suffix <c>:#channel</c>).
/// </remarks>
public sealed class InvestorAnnouncements(
    TeamClock clock,
    TeamCalendar calendar,
    EffectiveSchedule schedule,
    PipelineCatalog pipelines,
    TimeText timeText,
    AnnouncementOptions options) : IAnnouncementSource
{
    public const string Kind = "investor-period";

    public IEnumerable<DueAnnouncement> Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (!LocalTimes.CrossesAny(clock, from, to, [options.PostAt, clock.Settings.WorkdayEnd]))
        {
            return [];
        }

        var month = clock.LocalDate(from).AddMonths(-1);
        var lastMonth = clock.LocalDate(to).AddMonths(2);
        var result = new List<DueAnnouncement>();
        for (; month <= lastMonth; month = month.AddMonths(1))
        {
            var (first, last) = calendar.InvestorPeriod(month.Year, month.Month);
            var ym = string.Create(CultureInfo.InvariantCulture, $"{month:yyyy-MM}");
            var warningDay = BusinessDaysBefore(first, options.InvestorWarningBusinessDays);
            Add(result, from, to, $"investor-warning:{ym}", clock.ToInstant(warningDay, options.PostAt), now => Warning(first, last, now, starting: false));
            Add(result, from, to, $"investor-start:{ym}", clock.ToInstant(first, options.PostAt), now => Warning(first, last, now, starting: true));
            Add(result, from, to, $"investor-end:{ym}", clock.ToInstant(last, clock.Settings.WorkdayEnd), _ => Closing());
        }

        return result.OrderBy(d => d.Due);
    }

    private void Add(List<DueAnnouncement> result, DateTimeOffset from, DateTimeOffset to, string key, DateTimeOffset due, Func<DateTimeOffset, Reply> reply)
    {
        if (due > from && due <= to)
        {
            result.Add(new DueAnnouncement(key, Kind, due, now => Messages(key, reply(now))));
        }
    }

    private DateOnly BusinessDaysBefore(DateOnly day, int count)
    {
        for (var n = 0; n < Math.Max(0, count);)
        {
            day = day.AddDays(-1);
            if (calendar.IsBusinessDay(day))
            {
                n++;
            }
        }

        return day;
    }

    private Reply Warning(DateOnly first, DateOnly last, DateTimeOffset now, bool starting)
    {
        var b = new ReplyBuilder()
            .Heading(starting
                ? $"The investor period starts today and runs through {TimeText.ShortDate(last)}"
                : $"The investor period starts {TimeText.ShortDate(first)} and runs through {TimeText.ShortDate(last)}")
            .Tone(ReplyTone.Warning);
        var investorFacing = pipelines.All.Where(p => p.IsInvestorFacing).OrderBy(p => p.ReadyBy).ToList();
        b.Table(
            ["Pipeline", "Ready by", "Freshness"],
            investorFacing.Select(p => (IReadOnlyList<string>)[p.Name, p.ReadyBy is { } t ? $"{TimeText.Time(t)} {clock.ZoneAbbreviation(clock.ToInstant(first, t))}" : "—", p.Freshness]));
        var start = clock.ToInstant(first, new TimeOnly(0, 0));
        var end = clock.ToInstant(last.AddDays(1), new TimeOnly(0, 0));
        foreach (var segment in schedule.Shifts(start, end).SelectMany(s => s.Segments()).Where(s => s.End > start && s.Start < end))
        {
            var from = segment.Start > start ? segment.Start : start;
            b.Field($"On call from {timeText.Instant(from, now)}", $"{SliceText.Who(b, segment.Primary)} (primary), {SliceText.Who(b, segment.Secondary)} (secondary)");
        }

        b.Text("Every pipeline is watched closely during the investor period: acknowledge pages fast and escalate early.");
        return b.Build() with { InChannel = true };
    }

    private static Reply Closing() =>
        new ReplyBuilder()
            .Heading("The investor period is over")
            .Text("Thanks, everyone. Back to the normal watch.")
            .Tone(ReplyTone.Success)
            .Build() with { InChannel = true };

    private List<OutboxMessage> Messages(string key, Reply reply)
    {
        var main = options.ChannelFor(Kind);
        var messages = new List<OutboxMessage> { new() { Id = key, Kind = Kind, Channel = main, Reply = reply } };
        foreach (var channel in pipelines.All.Where(p => p.IsInvestorFacing && !string.IsNullOrWhiteSpace(p.Channel)).Select(p => p.Channel!).Distinct().Where(c => c != main))
        {
            messages.Add(new OutboxMessage { Id = $"{key}:{channel}", Kind = Kind, Channel = channel, Reply = reply });
        }

        return messages;
    }
}
