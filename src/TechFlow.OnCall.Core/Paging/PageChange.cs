namespace TechFlow.OnCall.Core.Paging;

/// <summary>What an acknowledge, escalate or resolve did to a page.</summary>
/// <param name="Kind">Whether anything changed.</param>
/// <param name="Page">The page as it now stands; null when no page has that id.</param>
/// <param name="Note">One sentence for the person who asked.</param>
public sealed record PageChange(PageChangeKind Kind, Page? Page, string Note);

/// <summary>The outcome of a page change.</summary>
public enum PageChangeKind
{
    Changed = 0,
    /// <summary>The page was already in that state (a second press, a retried delivery): nothing changed.</summary>
    Unchanged = 1,
    NotFound = 2,
}
