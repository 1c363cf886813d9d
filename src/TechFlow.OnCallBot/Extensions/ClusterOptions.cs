namespace TechFlow.OnCallBot.Extensions;

/// <summary>
/// Configuration section <c>Cluster</c>: how replicas on PostgreSQL share the timed work (Quartz's clustered
/// ADO.NET job store). Unused with LiteDB, where Quartz keeps its triggers in memory.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>How often each replica records in the database that it is alive.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long past its check-in interval a replica may stay silent before the others declare it dead and take
    /// over the jobs it was running (those are re-run; the triggers it owned fire on a survivor).
    /// </summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How late a trigger may fire before it counts as misfired and its misfire instruction applies.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);
}
