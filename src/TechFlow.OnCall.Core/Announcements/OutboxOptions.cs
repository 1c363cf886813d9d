namespace TechFlow.OnCall.Core.Announcements;

/// <summary>How replicas share the outbox (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// How long a replica's claim on a lane lasts without being renewed. It is renewed at every step, so it must be
    /// longer than the slowest platform call (Slack:RequestTimeout, Teams:ConnectorTimeout): a lane claimed by a
    /// replica that died is taken over this long after its last step.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);
}
