using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>Counts whole shifts per person over a year (each for whoever worked most of it), and how a trade would change the counts.</summary>
public sealed class SwapTotals(EffectiveSchedule schedule, TeamCalendar calendar, TeamClock clock)
{
    /// <summary>Per engineer: primary shifts, secondary shifts, and shifts that include a holiday.</summary>
    /// <param name="year">The local calendar year counted (shifts starting in it).</param>
    /// <param name="changes">Hypothetical hand-overs: a slot and who takes it.</param>
    public IReadOnlyDictionary<string, Tally> Count(int year, IReadOnlyList<(SwapSlot Slot, string TakerId)> changes)
    {
        var from = clock.ToInstant(new DateOnly(year, 1, 1), TimeOnly.MinValue);
        var to = clock.ToInstant(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue);
        var shifts = schedule.Shifts(from, to).Where(s => s.Start >= from).ToList();
        var holidays = calendar.Holidays(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 14)).Select(h => h.Date).ToHashSet();
        var result = new Dictionary<string, Tally>();
        foreach (var shift in shifts)
        {
            var first = clock.LocalDate(shift.Start);
            var last = clock.LocalDate(shift.End.AddSeconds(-1));
            var holiday = holidays.Any(d => d >= first && d <= last);
            foreach (var role in (ShiftRole[])[ShiftRole.Primary, ShiftRole.Secondary])
            {
                var holder = shift.WorkedBy(role)?.Id;
                if (holder is null)
                {
                    continue;
                }

                foreach (var (slot, taker) in changes)
                {
                    if (slot.Role == role && slot.Start <= shift.Start && slot.End >= shift.End && holder == slot.EngineerId)
                    {
                        holder = taker;
                    }
                }

                var tally = result.GetValueOrDefault(holder);
                result[holder] = new Tally(
                    tally.Primary + (role == ShiftRole.Primary ? 1 : 0),
                    tally.Secondary + (role == ShiftRole.Secondary ? 1 : 0),
                    tally.Holiday + (holiday ? 1 : 0));
            }
        }

        return result;
    }

    /// <summary>Whole-shift counts for one person.</summary>
    public readonly record struct Tally(int Primary, int Secondary, int Holiday);
}
