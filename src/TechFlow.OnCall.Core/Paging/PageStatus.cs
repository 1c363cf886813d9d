namespace TechFlow.OnCall.Core.Paging;

/// <summary>Where a page stands. Open and Acknowledged pages are both "open" for deduplication.</summary>
public enum PageStatus
{
    Open = 0,
    Acknowledged = 1,
    Resolved = 2,
}
