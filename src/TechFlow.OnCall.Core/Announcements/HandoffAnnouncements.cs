using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>The handoff reminder on the morning of each handoff (with a DM to the incoming primary) and the shift-start post.</summary>
public sealed class HandoffAnnouncements(
    ScheduleService schedule,
    OnCallResolver resolver,
    RosterService roster,
    TeamClock clock,
    TeamCalendar calendar,
    TimeText timeText,
    AnnouncementOptions options,
    IEnumerable<IHandoffContributor> contributors) : IAnnouncementSource
{
    public const string ReminderKind = "handoff-reminder";
    public const string ShiftStartKind = "shift-start";
    private readonly IHandoffContributor[] _contributors = [.. contributors];

    public IEnumerable<DueAnnouncement> Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (!LocalTimes.CrossesAny(clock, from, to, [options.HandoffReminder, clock.Settings.HandoffTime]))
        {
            yield break;
        }

        foreach (var shift in schedule.Shifts(from, to.AddDays(2)))
        {
            var reminderDue = clock.ToInstant(shift.Window.LocalStart, options.HandoffReminder);
            if (reminderDue < shift.Start)
            {
                yield return new DueAnnouncement($"{ReminderKind}:{shift.Id}", ReminderKind, reminderDue, now => Reminder(shift, now));
            }

            yield return new DueAnnouncement($"{ShiftStartKind}:{shift.Id}", ShiftStartKind, shift.Start, now => ShiftStart(shift, now));
        }
    }

    private IReadOnlyList<OutboxMessage> Reminder(Shift shift, DateTimeOffset now)
    {
        var incoming = resolver.At(shift.Start);
        if (incoming is null)
        {
            return [];
        }

        var outgoing = resolver.At(shift.Start.AddTicks(-1));
        var b = new ReplyBuilder()
            .Heading($"On-call handoff {timeText.Instant(shift.Start, now)}");
        if (outgoing is not null)
        {
            b.Text($"Outgoing: {b.Mention(outgoing.Primary.Engineer)} (primary) and {b.Mention(outgoing.Secondary.Engineer)} (secondary).");
        }

        b.Text($"Incoming: {b.Mention(incoming.Primary.Engineer)} (primary) and {b.Mention(incoming.Secondary.Engineer)} (secondary), until {timeText.Instant(shift.End, now)}.");
        foreach (var line in _contributors.SelectMany(c => c.Lines(outgoing?.Shift, shift, now)))
        {
            b.Text(line);
        }

        foreach (var swap in schedule.Overrides(shift.Start, shift.End).OrderBy(o => o.Start))
        {
            b.Field("Swap", $"{b.Mention(roster.Find(swap.EngineerId))} covers {swap.Role.ToString().ToLowerInvariant()} from {timeText.Instant(swap.Start, now)} to {timeText.Instant(swap.End, now)}");
        }

        var firstDay = shift.Window.LocalStart;
        var lastDay = clock.LocalDate(shift.End);
        var holidays = calendar.Holidays(firstDay, lastDay);
        foreach (var holiday in holidays)
        {
            b.Field("Holiday", $"{holiday.Name}, {TimeText.ShortDate(holiday.Date)}");
        }

        var periods = Days(firstDay, lastDay).Select(d => (d.Year, d.Month)).Distinct()
            .Select(m => calendar.InvestorPeriod(m.Year, m.Month)).ToList();
        var investorDays = Days(firstDay, lastDay)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && holidays.All(h => h.Date != d)
                && periods.Any(p => d >= p.First && d <= p.Last))
            .ToList();
        if (investorDays.Count > 0)
        {
            b.Field("Investor period", string.Join(", ", investorDays.Select(TimeText.ShortDate)));
        }

        b.Context("Runbooks: /oncall runbook <pipeline>");
        var reply = b.Build() with { InChannel = true };
        var dm = new ReplyBuilder();
        dm.Text($"You take over as primary on call {timeText.Instant(shift.Start, now)}, until {timeText.Instant(shift.End, now)}. Your secondary is {dm.Mention(incoming.Secondary.Engineer)}.")
            .Context("Runbooks: /oncall runbook <pipeline>");
        return
        [
            new OutboxMessage { Id = $"{ReminderKind}:{shift.Id}", Kind = ReminderKind, Channel = options.ChannelFor(ReminderKind), Reply = reply },
            new OutboxMessage { Id = $"{ReminderKind}:{shift.Id}:dm", Kind = ReminderKind, DirectTo = incoming.Primary.Engineer.Id, Reply = dm.Build() },
        ];
    }

    private IReadOnlyList<OutboxMessage> ShiftStart(Shift shift, DateTimeOffset now)
    {
        var snapshot = resolver.At(shift.Start);
        if (snapshot is null)
        {
            return [];
        }

        var b = new ReplyBuilder();
        b.Text($"{b.Mention(snapshot.Primary.Engineer)} is now primary on call until {timeText.Instant(snapshot.Primary.Until, now)}. Secondary: {b.Mention(snapshot.Secondary.Engineer)}.");
        return [new OutboxMessage { Id = $"{ShiftStartKind}:{shift.Id}", Kind = ShiftStartKind, Channel = options.ChannelFor(ShiftStartKind), Reply = b.Build() with { InChannel = true } }];
    }

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
