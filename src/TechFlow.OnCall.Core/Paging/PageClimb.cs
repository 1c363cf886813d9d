namespace TechFlow.OnCall.Core.Paging;

/// <summary>One step up a page's escalation chain, as <see cref="Page.Climb"/> decided it.</summary>
/// <param name="Page">The page after the step: level, round, wait and the new notification.</param>
/// <param name="Notification">The ping this step sends.</param>
/// <param name="Step">The level pinged, with its person (null when nobody holds it).</param>
/// <param name="Repeat">True when the last level is pinged again (a direct message only, no channel post).</param>
/// <param name="Waited">How long the level before this one waited.</param>
/// <param name="ManualBy">Who escalated by hand; null when the wait ran out or the page opened.</param>
public sealed record PageClimb(Page Page, PageNotification Notification, EscalationStep Step, bool Repeat, TimeSpan Waited, string? ManualBy);
