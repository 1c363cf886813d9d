namespace TechFlow.OnCall.Core.Paging;

/// <summary>The team's incident targets from its performance goals: respond within 15 minutes, resolve within 4 hours.</summary>
public static class PagingTargets
{
    public static TimeSpan Acknowledge { get; } = TimeSpan.FromMinutes(15);

    public static TimeSpan Resolve { get; } = TimeSpan.FromHours(4);

    /// <summary>A manual escalation within this long of the last one is taken as a double press.</summary>
    public static TimeSpan EscalateDebounce { get; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest message a page may carry.</summary>
    public const int MaxMessageLength = 1000;
}
