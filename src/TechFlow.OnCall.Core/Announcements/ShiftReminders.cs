using System.Globalization;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>Personal reminders by DM before someone's shift: by default one week and one day before it starts.</summary>
/// <remarks>
/// The people are those on call when the shift starts, overrides included, as known when the reminder is due.
/// Leads count local wall-clock hours, so "one week before" a Friday 17:00 shift is the Friday before at 17:00
/// even across a daylight-saving change.
/// </remarks>
public sealed class ShiftReminders(
    IOnCallStore store,
    EffectiveSchedule schedule,
    TeamClock clock,
    TimeText timeText,
    AnnouncementOptions options) : IAnnouncementSource
{
    public const string Kind = "reminder";

    public IEnumerable<DueAnnouncement> Between(DateTimeOffset from, DateTimeOffset to)
    {
        var preferences = store.Set<EngineerPreferences>().All().ToDictionary(p => p.Id);
        var defaults = options.DefaultReminderLeadHours;
        var allLeads = preferences.Values.SelectMany(p => p.ReminderLeadHours ?? []).Concat(defaults).Where(h => h > 0).Distinct();
        if (!LocalTimes.CrossesAny(clock, from, to, allLeads.Select(h => clock.Settings.HandoffTime.AddHours(-h))))
        {
            return [];
        }

        var maxLead = preferences.Values.SelectMany(p => p.ReminderLeadHours ?? []).Concat(defaults).DefaultIfEmpty(0).Max();
        var result = new List<DueAnnouncement>();
        foreach (var shift in schedule.Shifts(from, to.AddHours(maxLead + 25)).Where(s => s.Start > from))
        {
            foreach (var slice in new[] { shift.SliceAt(ShiftRole.Primary, shift.Start), shift.SliceAt(ShiftRole.Secondary, shift.Start) })
            {
                if (slice?.Holder is not { } engineer)
                {
                    continue;
                }

                var leads = preferences.TryGetValue(engineer.Id, out var p) && p.ReminderLeadHours is not null ? p.ReminderLeadHours : defaults;
                foreach (var hours in leads.Where(h => h > 0).Distinct())
                {
                    var due = clock.ToInstant(clock.ToLocal(shift.Start).AddHours(-hours));
                    if (due > from && due <= to)
                    {
                        var key = $"{Kind}:{shift.Id}:{engineer.Id}:{Lead(hours)}";
                        result.Add(new DueAnnouncement(key, Kind, due, now => Reminder(key, shift.Window, slice.Role, engineer, now)));
                    }
                }
            }
        }

        return result.OrderBy(d => d.Due);
    }

    /// <summary>A lead as written in keys: <c>7d</c>, <c>1d</c>, <c>12h</c>.</summary>
    public static string Lead(int hours) =>
        hours % 24 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{hours / 24}d") : string.Create(CultureInfo.InvariantCulture, $"{hours}h");

    private IReadOnlyList<OutboxMessage> Reminder(string key, ShiftWindow shift, ShiftRole role, Engineer engineer, DateTimeOffset now)
    {
        var snapshot = schedule.At(shift.Start);
        if (snapshot is null || snapshot.Slice(role).HolderId != engineer.Id)
        {
            return [];
        }

        var mine = snapshot.Slice(role);
        var partner = snapshot.Slice(role == ShiftRole.Primary ? ShiftRole.Secondary : ShiftRole.Primary);
        var b = new ReplyBuilder();
        b.Text($"Reminder: you are {role.ToString().ToLowerInvariant()} on call from {timeText.Instant(shift.Start, now)} ({TimeText.Relative(shift.Start, now)}) until {timeText.Instant(mine.Until, now)}. "
            + $"{(role == ShiftRole.Primary ? "Your secondary" : "The primary")} is {SliceText.Who(b, partner)}.");
        b.Context("Can't make it? ⟦oncall⟧ swap");
        return [new OutboxMessage { Id = key, Kind = Kind, DirectTo = engineer.Id, Reply = b.Build() }];
    }
}
