using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>
/// Records time off with everything it causes, in one unit of work: the time off, the re-plan of the unfrozen
/// future, the coverage-gap post for the slots too close to re-plan, and one open cover request per such slot.
/// Either all of it is stored or none of it.
/// </summary>
public sealed class TimeOffCoverage(
    IOnCallStore store,
    TimeOffService timeOff,
    ScheduleRegenerator regenerator,
    CoverageGapReporter gaps,
    SwapRequestWriter requests,
    SwapSchedule schedule,
    TeamClock clock)
{
    /// <summary>Adds time off for <paramref name="target"/>; bad input stores nothing and says why.</summary>
    public TimeOffAdded Add(Engineer target, DateOnly from, DateOnly to, string reason, string createdBy)
    {
        if (timeOff.Invalid(target, from, to) is { } error)
        {
            return TimeOffAdded.Fail(error);
        }

        return store.Write(tx =>
        {
            var outcome = timeOff.Add(tx, target, from, to, reason, createdBy);
            if (outcome.TimeOff is not { } added)
            {
                return TimeOffAdded.Fail(outcome.Error!);
            }

            var regeneration = regenerator.Regenerate(tx);
            var uncovered = gaps.Report(tx, added);
            var now = clock.Now;
            var opened = new List<SwapRequest>();
            foreach (var gap in uncovered)
            {
                var slot = new SwapSlot(target.Id, gap.Role, gap.Start, gap.End);
                if (schedule.ConflictingOpen([slot]) is null)
                {
                    opened.Add(requests.OpenForTimeOff(tx, target.Id, slot, added.Id, now));
                }
            }

            return new TimeOffAdded(added, regeneration, uncovered, opened, null);
        });
    }
}
