using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.ReadModel;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>
/// Who is really on call: the one read path for every answer, page, reminder, feed, export and report. It loads
/// the planned shifts, overrides, time off and roster for the range asked and applies them with
/// <see cref="EffectiveScheduleCalculator"/>.
/// </summary>
/// <remarks>
/// Every method has an overload taking the <see cref="IStoreSets"/> to read from, so a unit of work sees its own
/// changes (pass the transaction). The overloads without one read the in-memory <see cref="OnCallReadModel"/> when
/// there is one (outside a unit of work), which answers exactly as the store would.
/// </remarks>
public sealed class EffectiveSchedule(IOnCallStore store, TeamClock clock, OnCallReadModel? readModel = null)
{
    /// <summary>Who holds each role at <paramref name="instant"/>; null when no shift is planned then.</summary>
    public OnCallSnapshot? At(DateTimeOffset instant) =>
        readModel?.TryCurrent() is { } model ? model.Schedule.At(instant) : At(store, instant);

    /// <inheritdoc cref="At(DateTimeOffset)"/>
    public OnCallSnapshot? At(IStoreSets sets, DateTimeOffset instant)
    {
        var planned = sets.Set<Shift>().Find(x => x.Start <= instant && x.End > instant);
        if (planned.Count == 0)
        {
            return null;
        }

        var inputs = Load(sets, [planned.OrderBy(s => s.Start).First()]);
        var shift = EffectiveScheduleCalculator.Compute(inputs, clock.Zone)[0];
        var away = EffectiveScheduleCalculator.AwayAt(inputs, clock.Zone, instant);
        return new OnCallSnapshot(instant, shift, shift.SliceAt(ShiftRole.Primary, instant)!, shift.SliceAt(ShiftRole.Secondary, instant)!, away);
    }

    /// <summary>The planned shifts overlapping [<paramref name="from"/>, <paramref name="to"/>), as they really are, in order.</summary>
    public IReadOnlyList<EffectiveShift> Shifts(DateTimeOffset from, DateTimeOffset to) =>
        readModel?.TryCurrent() is { } model ? model.Schedule.Shifts(from, to) : Shifts(store, from, to);

    /// <inheritdoc cref="Shifts(DateTimeOffset, DateTimeOffset)"/>
    public IReadOnlyList<EffectiveShift> Shifts(IStoreSets sets, DateTimeOffset from, DateTimeOffset to) =>
        EffectiveScheduleCalculator.Compute(Load(sets, sets.Set<Shift>().Find(x => x.End > from && x.Start < to)), clock.Zone);

    /// <summary>Every slice that overlaps [<paramref name="from"/>, <paramref name="to"/>), by start, primary first.</summary>
    public IReadOnlyList<ScheduleSlice> Between(DateTimeOffset from, DateTimeOffset to) => Slices(Shifts(from, to), from, to);

    /// <inheritdoc cref="Between(DateTimeOffset, DateTimeOffset)"/>
    public IReadOnlyList<ScheduleSlice> Between(IStoreSets sets, DateTimeOffset from, DateTimeOffset to) => Slices(Shifts(sets, from, to), from, to);

    /// <summary>Applies the stored overrides, time off and roster to shifts that are not stored (a projection).</summary>
    internal IReadOnlyList<EffectiveShift> Apply(IStoreSets sets, IReadOnlyList<Shift> planned) =>
        EffectiveScheduleCalculator.Compute(Load(sets, planned), clock.Zone);

    private static List<ScheduleSlice> Slices(IReadOnlyList<EffectiveShift> shifts, DateTimeOffset from, DateTimeOffset to) =>
    [
        .. shifts.SelectMany(s => s.AllSlices())
            .Where(s => s.End > from && s.Start < to)
            .OrderBy(s => s.Start).ThenBy(s => s.Role),
    ];

    private ScheduleInputs Load(IStoreSets sets, IReadOnlyList<Shift> shifts)
    {
        var engineers = sets.Set<Engineer>().All();
        if (shifts.Count == 0)
        {
            return new ScheduleInputs([], [], [], engineers);
        }

        var first = shifts.Min(s => s.Start);
        var last = shifts.Max(s => s.End);
        var overrides = sets.Set<ScheduleOverride>().Find(o => o.End > first && o.Start < last && o.CancelledAt == null);
        var firstDay = clock.LocalDate(first).AddDays(-1);
        var lastDay = clock.LocalDate(last).AddDays(1);
        var timeOff = sets.Set<TimeOff>().Find(t => t.From <= lastDay && t.To >= firstDay && t.Approved);
        return new ScheduleInputs(shifts, overrides, timeOff, engineers);
    }
}
