namespace TechFlow.OnCall.Core.Paging;

/// <summary>One month of paging.</summary>
public sealed record PagingMonth(
    DateOnly Month,
    int Pages,
    IReadOnlyList<PipelinePaging> PerPipeline,
    TimeSpan? MedianAcknowledge,
    TimeSpan? MedianResolve,
    IReadOnlyList<OnCallLoad> Load);
