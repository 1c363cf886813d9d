using TechFlow.OnCall.Core.Announcements;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>The scheduler's hook: climbs every page whose wait has run out. Idempotent; safe after a restart.</summary>
public sealed class PageEscalationWork(PageService pages) : IDueWork
{
    public string Name => "page-escalation";

    public Task RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        pages.EscalateDue(now);
        return Task.CompletedTask;
    }
}
