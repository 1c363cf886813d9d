namespace TechFlow.OnCall.Core.Swaps;

/// <summary>What happened to a request, as the audit trail records it (in lower case: "taken", "approved", …).</summary>
public enum SwapAction
{
    Requested = 0,
    /// <summary>Someone took an open cover.</summary>
    Taken = 1,
    Approved = 2,
    Declined = 3,
    Cancelled = 4,
    Undone = 5,
    Expired = 6,
}
