namespace TechFlow.OnCall.Core.Announcements;

/// <summary>
/// Work that becomes due with time (escalation steps, swap expiry, reminders). A scheduler calls
/// <see cref="RunDueAsync"/> every minute and after a restart; it must be idempotent and recompute what is due
/// from the store, so a missed or doubled tick neither skips nor repeats anything.
/// </summary>
public interface IDueWork
{
    /// <summary>A short name for logs.</summary>
    string Name { get; }

    /// <summary>Does everything due at or before <paramref name="now"/>.</summary>
    Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
