namespace TechFlow.OnCallBot.Health;

/// <summary>Configuration section <c>Health</c>: what <c>/healthz/ready</c> and the escalation gauge tolerate.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long readiness waits for the store's write lock before calling the store busy.</summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Readiness fails when a due outbox message has waited longer than this.</summary>
    public TimeSpan MaxOutboxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a Slack <c>auth.test</c> or Teams token result is reused before asking again.</summary>
    public TimeSpan PlatformCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An escalation step counts as late once it is overdue by more than this (the due-work job runs every minute).</summary>
    public TimeSpan EscalationGrace { get; set; } = TimeSpan.FromMinutes(2);
}
