namespace TechFlow.OnCall.Core.Paging;

/// <summary>Hours one engineer was primary and secondary on call in a month, from the effective schedule (swaps, covers and time off applied).</summary>
public sealed record OnCallLoad(string EngineerId, double PrimaryHours, double SecondaryHours);
