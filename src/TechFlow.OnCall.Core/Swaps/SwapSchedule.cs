using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>Reads the schedule the way swaps need it: who holds a role, and whether someone may take one.</summary>
public sealed class SwapSchedule(
    IOnCallStore store,
    EffectiveSchedule schedule,
    ShiftCalendar shifts,
    TeamCalendar calendar,
    TeamClock clock,
    SwapSettings settings)
{
    /// <summary>
    /// Who answers for <paramref name="role"/> at <paramref name="at"/> in the effective schedule: the holder, or, when the
    /// slot is uncovered, the person away from it (they may still ask for a cover); null when nothing is planned.
    /// </summary>
    public string? Holder(ShiftRole role, DateTimeOffset at) => schedule.At(at) is { } snapshot
        ? snapshot.Slice(role) is var slice && slice.Holder is { } holder ? holder.Id : slice.Away?.Id
        : null;

    /// <summary>The role <paramref name="engineerId"/> holds at <paramref name="at"/>, if any.</summary>
    public ShiftRole? RoleOf(string engineerId, DateTimeOffset at) =>
        Holder(ShiftRole.Primary, at) == engineerId ? ShiftRole.Primary
        : Holder(ShiftRole.Secondary, at) == engineerId ? ShiftRole.Secondary
        : null;

    /// <summary>The slot <paramref name="engineerId"/> holds in <paramref name="window"/> (judged at its start).</summary>
    public SwapSlot? SlotIn(string engineerId, ShiftWindow window) =>
        RoleOf(engineerId, window.Start) is { } role ? new SwapSlot(engineerId, role, window.Start, window.End) : null;

    /// <summary>The window a typed day names: the shift that starts that day, else the one running at that instant.</summary>
    public ShiftWindow WindowFor(DateTimeOffset parsed)
    {
        var day = clock.LocalDate(parsed);
        var atHandoff = shifts.At(clock.ToInstant(day, clock.Settings.HandoffTime));
        return atHandoff.LocalStart == day ? atHandoff : shifts.At(parsed);
    }

    /// <summary>The window running at <paramref name="instant"/>.</summary>
    public ShiftWindow WindowAt(DateTimeOffset instant) => shifts.At(instant);

    /// <summary>The windows overlapping [from, to).</summary>
    public IReadOnlyList<ShiftWindow> Between(DateTimeOffset from, DateTimeOffset to) => shifts.Between(from, to);

    /// <summary>The shift windows that start after <paramref name="now"/>, nearest first, up to the look-ahead.</summary>
    public IReadOnlyList<ShiftWindow> Upcoming(DateTimeOffset now)
    {
        var windows = shifts.Windows(now, Math.Max(2, settings.LookAheadShifts + 1));
        return [.. windows.Where(w => w.Start > now)];
    }

    /// <summary>
    /// Why <paramref name="taker"/> cannot take <paramref name="slot"/> (time off, not yet joined, already holding the
    /// other role), or null when they can. <paramref name="freed"/> is a slot the taker gives away in the same trade.
    /// </summary>
    public TradeProblem? Problem(Engineer taker, SwapSlot slot, SwapSlot? freed = null)
    {
        var firstDay = clock.LocalDate(slot.Start);
        var lastDay = clock.LocalDate(slot.End.AddSeconds(-1));
        if (!taker.InRotation)
        {
            return new TradeProblem.NotInRotation(taker);
        }

        if (taker.LeftOn is { } left && left <= lastDay)
        {
            return new TradeProblem.Leaves(taker, left);
        }

        if (taker.JoinedOn is { } joined && joined > firstDay)
        {
            return new TradeProblem.NotJoinedYet(taker, joined);
        }

        var away = calendar.TimeOff(firstDay, lastDay).FirstOrDefault(t => t.EngineerId == taker.Id);
        if (away is not null)
        {
            return new TradeProblem.Away(taker, away.From, away.To);
        }

        var other = slot.Role == ShiftRole.Primary ? ShiftRole.Secondary : ShiftRole.Primary;
        foreach (var held in schedule.Between(slot.Start, slot.End).Where(s => s.Role == other && s.HolderId == taker.Id))
        {
            var at = held.Start > slot.Start ? held.Start : slot.Start;
            if (!(freed is not null && freed.Role == other && freed.Start <= at && freed.End > at))
            {
                return new TradeProblem.HoldsOtherRole(taker, other, Planned: held.Reason == SliceReason.Planned);
            }
        }

        return null;
    }

    /// <summary>An open request that already trades one of <paramref name="slots"/>, if any.</summary>
    public SwapRequest? ConflictingOpen(IEnumerable<SwapSlot> slots, string? exceptId = null)
    {
        var mine = slots.ToList();
        return store.Set<SwapRequest>().Find(r => r.Status == SwapStatus.Open)
            .Where(r => r.Id != exceptId)
            .FirstOrDefault(r => r.Slots().Any(theirs => mine.Any(m => m.Role == theirs.Role && m.Overlaps(theirs))));
    }
}
