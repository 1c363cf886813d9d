using Quartz;

namespace TechFlow.OnCallBot.Observability;

/// <summary>Counts Quartz misfires (a trigger that missed its fire time, for example while the host was busy or asleep).</summary>
internal sealed class QuartzMisfireListener(OnCallMetrics metrics) : ITriggerListener
{
    public string Name => "oncall-metrics";

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        metrics.Misfires.WithLabels(trigger.Key.Name).Inc();
        return ValueTask.CompletedTask;
    }
}
