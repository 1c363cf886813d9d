namespace TechFlow.OnCall.Core.Roster;

/// <summary>A business group that consumes pipelines, such as the CFO and Risk team.</summary>
public sealed record Stakeholder
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string? Contact { get; init; }
}
