namespace TechFlow.OnCall.Core.Announcements;

/// <summary>
/// Which dispatcher sends a lane, and until when: a lease. Only the owner sends the lane's messages while
/// <see cref="Until"/> is in the future; after that any dispatcher may take it over.
/// </summary>
public sealed record OutboxLaneClaim
{
    /// <summary>The lane (<see cref="OutboxDelivery.Lane"/>).</summary>
    public required string Id { get; init; }
    /// <summary>The dispatcher holding it: host name, process id and a per-dispatcher suffix.</summary>
    public required string Owner { get; init; }
    public DateTimeOffset Until { get; init; }
}
