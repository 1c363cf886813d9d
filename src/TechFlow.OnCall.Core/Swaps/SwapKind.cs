namespace TechFlow.OnCall.Core.Swaps;

/// <summary>A two-way trade of shifts, or a one-way cover.</summary>
public enum SwapKind
{
    /// <summary>Each person takes the other's shift.</summary>
    Swap = 0,

    /// <summary>The counterpart (or whoever takes an open cover) takes the requester's shift or part of it.</summary>
    Cover = 1,
}
