namespace TechFlow.OnCall.Core.Pipelines;

/// <summary>How much the business loses when the pipeline is late or wrong.</summary>
public enum Criticality
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}
