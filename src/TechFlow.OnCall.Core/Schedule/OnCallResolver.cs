using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Schedule;

/// <summary>Answers "who is on call at this instant", applying overrides on top of the planned shift.</summary>
public sealed class OnCallResolver(IOnCallStore store, RosterService roster)
{
    /// <summary>The snapshot at <paramref name="instant"/>, or null when no shift is planned then.</summary>
    public OnCallSnapshot? At(DateTimeOffset instant)
    {
        var shift = store.Set<Shift>().Find(x => x.Start <= instant && x.End > instant).FirstOrDefault();
        if (shift is null)
        {
            return null;
        }

        var overrides = store.Set<ScheduleOverride>()
            .Find(o => o.End > shift.Start && o.Start < shift.End && o.CancelledAt == null);
        var primary = Resolve(ShiftRole.Primary, shift, overrides, instant);
        var secondary = Resolve(ShiftRole.Secondary, shift, overrides, instant);
        return primary is null || secondary is null ? null : new OnCallSnapshot(instant, shift, primary, secondary);
    }

    private OnCallAssignment? Resolve(ShiftRole role, Shift shift, IReadOnlyList<ScheduleOverride> overrides, DateTimeOffset instant)
    {
        var forRole = overrides.Where(o => o.Role == role).ToList();
        var active = forRole
            .Where(o => o.Start <= instant && o.End > instant)
            .OrderByDescending(o => o.CreatedAt)
            .FirstOrDefault();
        var engineerId = active?.EngineerId ?? shift.Assigned(role);
        var engineer = roster.Find(engineerId) ?? new Engineer { Id = engineerId, Name = engineerId };

        var until = active is null ? shift.End : Min(active.End, shift.End);
        foreach (var o in forRole.Where(o => o.Start > instant && o.Start < until && o.EngineerId != engineerId))
        {
            until = o.Start;
        }

        return new OnCallAssignment(role, engineer, until, active);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
