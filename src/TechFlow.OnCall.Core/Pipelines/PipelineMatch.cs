namespace TechFlow.OnCall.Core.Pipelines;

/// <summary>What a user's words matched among the pipelines.</summary>
public abstract record PipelineMatch
{
    private PipelineMatch() { }

    /// <summary>Exactly one pipeline; <see cref="Rest"/> is the text after its name.</summary>
    public sealed record Found(Pipeline Pipeline, string Rest) : PipelineMatch;

    /// <summary>The words fit several pipelines equally well.</summary>
    public sealed record Ambiguous(string Query, IReadOnlyList<Pipeline> Candidates) : PipelineMatch;

    /// <summary>Nothing matched exactly; these are close (best first), possibly none.</summary>
    public sealed record NotFound(string Query, IReadOnlyList<Pipeline> Suggestions) : PipelineMatch;
}
