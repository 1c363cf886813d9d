namespace TechFlow.OnCall.Core.Paging;

/// <summary>Pages for one pipeline in a month.</summary>
public sealed record PipelinePaging(string PipelineId, int Pages, TimeSpan? MedianAcknowledge, TimeSpan? MedianResolve);
