using TechFlow.OnCall.Core.Announcements;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>The scheduler's hook: climbs every page whose wait has run out. Idempotent; safe after a restart.</summary>
public sealed class PageEscalationWork(PageService pages) : ITimedWork
{
    public string Name => "page-escalation";

    public Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        pages.EscalateDue(now);
        return Task.CompletedTask;
    }

    /// <summary>The next step of every open, unacknowledged page due in (<paramref name="from"/>, <paramref name="to"/>].</summary>
    public IEnumerable<DueInstant> DueBetween(DateTimeOffset from, DateTimeOffset to) =>
        pages.OpenPages()
            .Where(p => p is { Status: PageStatus.Open, NextEscalationAt: { } at } && at > from && at <= to)
            .Select(p => new DueInstant(KeyOf(p), p.NextEscalationAt!.Value));

    /// <summary>The key of a page's next step: <c>{page}:{level}:{round}</c> of the step it leaves.</summary>
    public static string KeyOf(Page page) => PageKeys.NextStep(page.Id, page.Level, page.Round);
}
