using System.Collections.Concurrent;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>
/// The effective schedule's inputs held in memory (planned shifts, active overrides, approved time off, the roster),
/// answering exactly as <see cref="EffectiveSchedule"/> does from the store. Part of a read-model snapshot.
/// </summary>
/// <remarks>
/// Immutable once loaded and thread-safe. The shift holding an instant is computed once per snapshot and kept, so
/// the answers of one week share one computation until a commit replaces the snapshot.
/// </remarks>
public sealed class ScheduleFacts
{
    private readonly Shift[] _shifts;
    private readonly ScheduleOverride[] _overrides;
    private readonly TimeOff[] _timeOff;
    private readonly IReadOnlyList<Engineer> _engineers;
    private readonly TeamClock _clock;
    private readonly ConcurrentDictionary<string, Computed> _computed = new(StringComparer.Ordinal);

    private ScheduleFacts(Shift[] shifts, ScheduleOverride[] overrides, TimeOff[] timeOff, IReadOnlyList<Engineer> engineers, TeamClock clock)
    {
        _shifts = shifts;
        _overrides = overrides;
        _timeOff = timeOff;
        _engineers = engineers;
        _clock = clock;
    }

    /// <summary>The record types these facts are loaded from (besides the roster).</summary>
    public static IReadOnlyList<Type> InputTypes { get; } = [typeof(Shift), typeof(ScheduleOverride), typeof(TimeOff)];

    /// <summary>Approved time off, every engineer's.</summary>
    public IReadOnlyList<TimeOff> TimeOff => _timeOff;

    /// <summary>Reads the inputs from <paramref name="sets"/> (outside a unit of work: committed data only).</summary>
    public static ScheduleFacts Load(IStoreSets sets, IReadOnlyList<Engineer> engineers, TeamClock clock) => new(
        [.. sets.Set<Shift>().All().OrderBy(s => s.Start)],
        [.. sets.Set<ScheduleOverride>().All().Where(o => o.CancelledAt == null)],
        [.. sets.Set<TimeOff>().All().Where(t => t.Approved)],
        engineers,
        clock);

    /// <inheritdoc cref="EffectiveSchedule.At(DateTimeOffset)"/>
    public OnCallSnapshot? At(DateTimeOffset instant)
    {
        Shift? planned = null;
        foreach (var shift in _shifts)
        {
            if (shift.Start > instant)
            {
                break;
            }

            if (shift.End > instant)
            {
                planned = shift;
                break;
            }
        }

        if (planned is null)
        {
            return null;
        }

        var computed = _computed.GetOrAdd(planned.Id, static (_, state) => state.Facts.Compute(state.Planned), (Facts: this, Planned: planned));
        var shiftNow = computed.Shift;
        var away = EffectiveScheduleCalculator.AwayAt(computed.Inputs, _clock.Zone, instant);
        return new OnCallSnapshot(instant, shiftNow, shiftNow.SliceAt(ShiftRole.Primary, instant)!, shiftNow.SliceAt(ShiftRole.Secondary, instant)!, away);
    }

    /// <inheritdoc cref="EffectiveSchedule.Shifts(DateTimeOffset, DateTimeOffset)"/>
    public IReadOnlyList<EffectiveShift> Shifts(DateTimeOffset from, DateTimeOffset to) =>
        EffectiveScheduleCalculator.Compute(Inputs([.. _shifts.Where(x => x.End > from && x.Start < to)]), _clock.Zone);

    private Computed Compute(Shift planned)
    {
        var inputs = Inputs([planned]);
        return new Computed(inputs, EffectiveScheduleCalculator.Compute(inputs, _clock.Zone)[0]);
    }

    /// <summary>The same selection as the store path (<see cref="EffectiveSchedule"/>'s Load), in memory.</summary>
    private ScheduleInputs Inputs(IReadOnlyList<Shift> shifts)
    {
        if (shifts.Count == 0)
        {
            return new ScheduleInputs([], [], [], _engineers);
        }

        var first = shifts.Min(s => s.Start);
        var last = shifts.Max(s => s.End);
        var firstDay = _clock.LocalDate(first).AddDays(-1);
        var lastDay = _clock.LocalDate(last).AddDays(1);
        return new ScheduleInputs(
            shifts,
            [.. _overrides.Where(o => o.End > first && o.Start < last)],
            [.. _timeOff.Where(t => t.From <= lastDay && t.To >= firstDay)],
            _engineers);
    }

    private sealed record Computed(ScheduleInputs Inputs, EffectiveShift Shift);
}
