namespace TechFlow.OnCall.Core.Swaps;

/// <summary>Where a swap or cover request stands. Only <see cref="Open"/> and <see cref="Approved"/> can change.</summary>
public enum SwapStatus
{
    Open = 0,
    Approved = 1,
    Declined = 2,
    Cancelled = 3,
    Expired = 4,
    Undone = 5,
}
