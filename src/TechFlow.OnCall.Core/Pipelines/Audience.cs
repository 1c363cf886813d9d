namespace TechFlow.OnCall.Core.Pipelines;

/// <summary>Who reads a pipeline's output.</summary>
public enum Audience
{
    Experiments = 0,
    Executives = 1,
    Investors = 2,
}
