using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>
/// Re-plans the future after time off, roster or rule changes. The past, the frozen near future
/// (<see cref="TeamSettings.FrozenWeeks"/>) and windows with active overrides are kept as they are.
/// </summary>
public sealed class ScheduleRegenerator(
    IOnCallStore store,
    ShiftCalendar calendar,
    TeamClock clock,
    FairScheduleGenerator generator,
    ScheduleRules rules,
    WindowFactsCalculator calculator,
    Outbox outbox,
    FairScheduleOptions options,
    ScheduleService schedule)
{
    private const int MaxWidenings = 12;

    /// <summary>
    /// Re-plans; every engineer whose shifts moved gets one <c>schedule-moved:&lt;engineer&gt;:&lt;hash&gt;</c> DM.
    /// </summary>
    public RegenerationResult Regenerate(RegenerationMode mode = RegenerationMode.Minimal) => store.Write(tx => Regenerate(tx, mode));

    /// <summary>Re-plans inside <paramref name="tx"/>, so the change that caused it and the new plan commit together.</summary>
    public RegenerationResult Regenerate(IStoreTransaction tx, RegenerationMode mode = RegenerationMode.Minimal)
    {
        var now = clock.Now;
        var windows = calendar.Between(now, now.AddDays(7 * clock.Settings.PlanAheadWeeks));
        if (windows.Count == 0)
        {
            return new RegenerationResult([], [], []);
        }

        var frozenUntil = now.AddDays(7 * clock.Settings.FrozenWeeks);
        return Regenerate(tx, windows, frozenUntil, mode, now);
    }

    private RegenerationResult Regenerate(IStoreTransaction tx, IReadOnlyList<ShiftWindow> windows, DateTimeOffset frozenUntil, RegenerationMode mode, DateTimeOffset now)
    {
        var first = windows[0].Start;
        var last = windows[^1].End;
        var shifts = tx.Set<Shift>();
        var stored = shifts.Find(x => x.End > first && x.Start < last).ToDictionary(x => x.Id);
        var overrides = tx.Set<ScheduleOverride>().Find(o => o.End > first && o.Start < last && o.CancelledAt == null);
        var engineers = tx.Set<Engineer>().All().Where(e => e.InRotation).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var firstDay = windows[0].LocalStart.AddDays(-1);
        var timeOff = tx.Set<TimeOff>().Find(t => t.To >= firstDay && t.Approved);
        var history = schedule.WorkedHistory(tx, shifts.Find(x => x.Start < first, x => x.Start, descending: true, limit: options.HistoryShifts));
        var facts = calculator.For(windows).ToDictionary(f => f.Window.Id);

        var locked = windows
            .Where(w => w.Start < frozenUntil || overrides.Any(o => o.Start < w.End && o.End > w.Start))
            .Select(w => w.Id)
            .ToHashSet();
        var kept = windows.Where(w => stored.ContainsKey(w.Id)).Select(w => stored[w.Id]).ToList();
        var broken = rules.Check(kept, facts, engineers, timeOff).Select(v => v.ShiftId).ToHashSet();
        var preferred = mode == RegenerationMode.Minimal
            ? kept.Where(s => !locked.Contains(s.Id) && !broken.Contains(s.Id)).Select(s => s.Id).ToHashSet()
            : [];

        var plan = Plan(windows, engineers, history, timeOff, stored, locked, preferred);
        for (var i = 0; i < MaxWidenings && plan.Problems.Count > 0; i++)
        {
            var widened = false;
            foreach (var problem in plan.Problems)
            {
                var index = windows.ToList().FindIndex(w => w.Id == problem.Window.Id);
                foreach (var neighbour in new[] { index - 1, index + 1 }.Where(n => n >= 0 && n < windows.Count))
                {
                    widened |= preferred.Remove(windows[neighbour].Id);
                }
            }

            if (!widened)
            {
                break;
            }

            plan = Plan(windows, engineers, history, timeOff, stored, locked, preferred);
        }

        var changes = new List<ShiftChange>();
        foreach (var shift in plan.Shifts)
        {
            var before = stored.GetValueOrDefault(shift.Id);
            if (before is null || before.PrimaryId != shift.PrimaryId || before.SecondaryId != shift.SecondaryId)
            {
                shifts.Upsert(shift);
                changes.Add(new ShiftChange(shift.Id, before, shift));
            }
        }

        var moved = changes.SelectMany(c => c.Moved()).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var engineerId in moved)
        {
            var theirs = changes.Where(c => c.Moved().Contains(engineerId)).ToList();
            outbox.Enqueue(tx, MovedMessage(engineerId, theirs, now));
        }

        return new RegenerationResult(changes, moved, plan.Problems);
    }

    private SchedulePlan Plan(
        IReadOnlyList<ShiftWindow> windows,
        IReadOnlyList<Engineer> engineers,
        IReadOnlyList<Shift> history,
        IReadOnlyList<TimeOff> timeOff,
        Dictionary<string, Shift> stored,
        HashSet<string> locked,
        HashSet<string> preferred)
    {
        var fixedShifts = windows
            .Where(w => stored.ContainsKey(w.Id) && (locked.Contains(w.Id) || preferred.Contains(w.Id)))
            .Select(w => stored[w.Id])
            .ToList();
        return generator.Generate(new ScheduleRequest(windows, engineers, history, timeOff, fixedShifts));
    }

    private OutboxMessage MovedMessage(string engineerId, IReadOnlyList<ShiftChange> changes, DateTimeOffset now)
    {
        var lines = changes
            .Select(c => $"{c.ShiftId}:{Role(c.Before, engineerId)}>{Role(c.After, engineerId)}")
            .ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", lines))))[..12];
        var b = new ReplyBuilder().Heading("Your on-call schedule changed");
        b.Table(
            ["Shift", "Was", "Now"],
            changes.Select(c => (IReadOnlyList<string>)
            [
                $"{TimeText.ShortDate(clock.LocalDate(c.After.Start))} – {TimeText.ShortDate(clock.LocalDate(c.After.End))}",
                Role(c.Before, engineerId),
                Role(c.After, engineerId),
            ]));
        b.Context("The schedule was re-planned after time off or a roster change. ⟦oncall⟧ schedule shows the whole plan.");
        return new OutboxMessage
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"schedule-moved:{engineerId}:{hash}"),
            Kind = "schedule-moved",
            DirectTo = engineerId,
            Reply = b.Build(),
            CreatedAt = now,
        };
    }

    private static string Role(Shift? shift, string engineerId) =>
        shift is null ? "not planned"
        : shift.PrimaryId == engineerId ? "primary"
        : shift.SecondaryId == engineerId ? "secondary"
        : "off";
}
