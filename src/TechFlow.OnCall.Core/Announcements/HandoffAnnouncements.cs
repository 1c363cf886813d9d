using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>The handoff reminder on the morning of each handoff (with a DM to the incoming primary) and the shift-start post.</summary>
public sealed class HandoffAnnouncements(
    EffectiveSchedule schedule,
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

    private List<OutboxMessage> Reminder(EffectiveShift planned, DateTimeOffset now)
    {
        var incoming = schedule.At(planned.Start);
        if (incoming is null)
        {
            return [];
        }

        var shift = incoming.Shift;
        var outgoing = schedule.At(shift.Start.AddTicks(-1));
        var b = new ReplyBuilder()
            .Heading($"On-call handoff {timeText.Instant(shift.Start, now)}");
        if (outgoing is not null)
        {
            b.Text($"Outgoing: {SliceText.Who(b, outgoing.Primary)} (primary) and {SliceText.Who(b, outgoing.Secondary)} (secondary).");
        }

        b.Text($"Incoming: {SliceText.Who(b, incoming.Primary)} (primary) and {SliceText.Who(b, incoming.Secondary)} (secondary), until {timeText.Instant(shift.End, now)}.");
        if (SliceText.PagingNote(incoming) is { } paging)
        {
            b.Tone(ReplyTone.Warning).Text(paging);
        }

        foreach (var line in _contributors.SelectMany(c => c.Lines(outgoing?.Window, shift.Window, now)))
        {
            b.Text(line);
        }

        foreach (var slice in shift.AllSlices().Where(s => s.Differs))
        {
            b.Field(slice.Holder is null ? "Gap" : slice.Reason == SliceReason.Swap ? "Swap" : "Cover", Change(b, slice, now));
        }

        var firstDay = shift.Window.LocalStart;
        var lastDay = clock.LocalDate(shift.End);
        var holidays = calendar.Holidays(firstDay, lastDay);
        foreach (var holiday in holidays)
        {
            b.Field("Holiday", $"{holiday.Name}, {TimeText.ShortDate(holiday.Date)}");
        }

        var periods = TeamClock.Days(firstDay, lastDay).Select(d => (d.Year, d.Month)).Distinct()
            .Select(m => calendar.InvestorPeriod(m.Year, m.Month)).ToList();
        var investorDays = TeamClock.Days(firstDay, lastDay)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && holidays.All(h => h.Date != d)
                && periods.Any(p => d >= p.First && d <= p.Last))
            .ToList();
        if (investorDays.Count > 0)
        {
            b.Field("Investor period", string.Join(", ", investorDays.Select(TimeText.ShortDate)));
        }

        b.Context("Runbooks: ⟦oncall⟧ runbook <pipeline>");
        var reply = b.Build() with { InChannel = true };
        var dm = new ReplyBuilder();
        var messages = new List<OutboxMessage>
        {
            new() { Id = $"{ReminderKind}:{shift.Id}", Kind = ReminderKind, Channel = options.ChannelFor(ReminderKind), Reply = reply },
        };
        if (incoming.Primary.Holder is { } primary)
        {
            dm.Text($"You take over as primary on call {timeText.Instant(shift.Start, now)}, until {timeText.Instant(incoming.Primary.Until, now)}. Your secondary is {SliceText.Who(dm, incoming.Secondary)}.")
                .Context("Runbooks: ⟦oncall⟧ runbook <pipeline>");
            messages.Add(new OutboxMessage { Id = $"{ReminderKind}:{shift.Id}:dm", Kind = ReminderKind, DirectTo = primary.Id, Reply = dm.Build() });
        }

        return messages;
    }

    private string Change(ReplyBuilder b, ScheduleSlice slice, DateTimeOffset now)
    {
        var role = slice.Role.ToString().ToLowerInvariant();
        var span = $"from {timeText.Instant(slice.Start, now)} to {timeText.Instant(slice.End, now)}";
        return slice.Holder is { } holder
            ? $"{b.Mention(holder)} covers {role} {span}{(slice.Away is null ? "" : $" ({slice.Planned.Name} is away)")}"
            : $"{role} {SliceText.Uncovered} {span} ({SliceText.Why(slice)})";
    }

    private IReadOnlyList<OutboxMessage> ShiftStart(EffectiveShift planned, DateTimeOffset now)
    {
        var snapshot = schedule.At(planned.Start);
        if (snapshot is null)
        {
            return [];
        }

        var b = new ReplyBuilder();
        b.Text(snapshot.Primary.Holder is { } primary
            ? $"{b.Mention(primary)} is now primary on call until {timeText.Instant(snapshot.Primary.Until, now)}. Secondary: {SliceText.Who(b, snapshot.Secondary)}."
            : $"The primary slot is {SliceText.Uncovered} until {timeText.Instant(snapshot.Primary.Until, now)} ({SliceText.Why(snapshot.Primary)}). Secondary: {SliceText.Who(b, snapshot.Secondary)}.");
        if (SliceText.PagingNote(snapshot) is { } paging)
        {
            b.Tone(ReplyTone.Warning).Text(paging);
        }

        return [new OutboxMessage { Id = $"{ShiftStartKind}:{planned.Id}", Kind = ShiftStartKind, Channel = options.ChannelFor(ShiftStartKind), Reply = b.Build() with { InChannel = true } }];
    }
}
