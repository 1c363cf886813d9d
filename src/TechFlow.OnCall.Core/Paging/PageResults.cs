using TechFlow.OnCall.Core.Pipelines;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>What opening a page did: a new page, or <see cref="Joined"/> an open one for the same problem.</summary>
public sealed record PageOpened(Page Page, Pipeline Pipeline, bool Joined);
