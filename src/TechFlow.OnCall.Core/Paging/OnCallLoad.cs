namespace TechFlow.OnCall.Core.Paging;

/// <summary>Hours one engineer was primary and secondary on call in a month, from the stored shifts.</summary>
public sealed record OnCallLoad(string EngineerId, double PrimaryHours, double SecondaryHours);
