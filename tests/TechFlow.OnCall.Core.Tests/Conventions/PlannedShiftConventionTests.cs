using System.Reflection;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Tests.Conventions;

/// <summary>
/// Planned shifts are an input of the effective schedule, never an answer: outside the Schedule room (where the
/// planner, the regenerator and <see cref="EffectiveSchedule"/> live) no code reads <see cref="Shift"/> records.
/// </summary>
public class PlannedShiftConventionTests
{
    private static readonly string[] Products =
        ["TechFlow.OnCall.Core", "TechFlow.OnCall.Storage", "TechFlow.OnCall.Slack", "TechFlow.OnCall.Teams", "TechFlow.OnCallBot"];

    [Fact]
    public void ProductCode_OutsideTheScheduleRoom_NeverReadsPlannedShifts()
    {
        var types = Products.Select(Assembly.Load).SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace is not { } ns || !(ns == "TechFlow.OnCall.Core.Schedule" || ns.StartsWith("TechFlow.OnCall.Core.Schedule.", StringComparison.Ordinal)))
            .ToList();

        var offences = PlannedShiftReaders.In(types).ToList();

        Assert.True(types.Count > 100, $"only {types.Count} types scanned");
        Assert.True(offences.Count == 0, "Read the effective schedule (EffectiveSchedule) instead of planned shifts:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void Detector_CodeThatReadsShifts_IsFound()
    {
        var offences = PlannedShiftReaders.In([typeof(Offender)]).ToList();

        Assert.Contains(offences, o => o.Contains(nameof(Offender.ViaStore), StringComparison.Ordinal) && o.Contains("Set", StringComparison.Ordinal));
        Assert.Contains(offences, o => o.Contains(nameof(Offender.ViaService), StringComparison.Ordinal) && o.Contains("Shifts", StringComparison.Ordinal));
        Assert.DoesNotContain(offences, o => o.Contains(nameof(Offender.Innocent), StringComparison.Ordinal));
    }

    private sealed class Offender
    {
        public static int ViaStore(IOnCallStore store) => store.Set<Shift>().Count();

        public static int ViaService(ScheduleService service)
        {
            var shifts = service.Shifts(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
            return shifts.Count;
        }

        public static int Innocent(EffectiveSchedule schedule) => schedule.Shifts(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Count;
    }
}
