namespace TechFlow.OnCall.Core.Paging;

/// <summary>
/// What acknowledging, resolving or escalating a page did, as the <see cref="Paging.Page"/> decided it. Callers compare
/// by type; <see cref="PageCards.Note"/> words each one.
/// </summary>
/// <param name="Page">The page as it now stands; null when no page has the id.</param>
public abstract record PageResult(Page? Page)
{
    /// <summary>True when this call changed the page (false for a repeat or a refusal).</summary>
    public bool Changed => this is Acknowledged or Resolved or Escalated;

    public sealed record Acknowledged(Page Page) : PageResult(Page);

    public sealed record Resolved(Page Page) : PageResult(Page);

    /// <summary>The page climbed by hand; <paramref name="Climb"/> says whom to ping.</summary>
    public sealed record Escalated(Page Page, PageClimb Climb) : PageResult(Page);

    /// <summary>A second acknowledgement (a double press, a retried delivery): nothing changed.</summary>
    public sealed record AlreadyAcknowledged(Page Page) : PageResult(Page);

    public sealed record AlreadyResolved(Page Page) : PageResult(Page);

    /// <summary>A manual escalation within <see cref="PagingTargets.EscalateDebounce"/> of the last climb: taken as a double press.</summary>
    public sealed record JustEscalated(Page Page) : PageResult(Page);

    /// <summary>No page has the id the person gave.</summary>
    public sealed record NotFound(string Id) : PageResult((Page?)null);
}
