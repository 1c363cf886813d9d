namespace TechFlow.OnCall.Core.Announcements;

/// <summary>
/// Due work that knows ahead when it falls due, so a scheduler can fire it at each exact instant instead of
/// polling. Running it (<see cref="IDueWork.RunDueAsync"/>) stays idempotent and recomputes from the store.
/// </summary>
public interface ITimedWork : IDueWork
{
    /// <summary>Every item of this work due in (<paramref name="from"/>, <paramref name="to"/>], each with a stable key.</summary>
    IEnumerable<DueInstant> DueBetween(DateTimeOffset from, DateTimeOffset to);
}

/// <summary>One item of timed work: its key (an announcement's outbox key, a page's next step) and when it is due.</summary>
public readonly record struct DueInstant(string Key, DateTimeOffset Due);
