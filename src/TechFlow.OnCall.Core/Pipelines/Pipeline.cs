namespace TechFlow.OnCall.Core.Pipelines;

/// <summary>A data pipeline the team owns and answers pages for.</summary>
public sealed record Pipeline
{
    /// <summary>Stable slug, such as <c>aggregate-profit</c>.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Profit, Growth, Engagement or Aggregated.</summary>
    public string BusinessArea { get; init; } = "";
    public Audience Audience { get; init; }
    public Criticality Criticality { get; init; }
    public string Description { get; init; } = "";
    /// <summary>When it runs, in words (for example "Daily at 02:00, Airflow").</summary>
    public string RunSchedule { get; init; } = "";
    /// <summary>Local time (team zone) by which the output must be ready, if any.</summary>
    public TimeOnly? ReadyBy { get; init; }
    /// <summary>Maximum age of the freshest data, in words ("under 24 hours").</summary>
    public string Freshness { get; init; } = "";
    /// <summary>How fast an incident must be resolved.</summary>
    public TimeSpan ResolutionTarget { get; init; } = TimeSpan.FromHours(4);
    public required string PrimaryOwnerId { get; init; }
    public required string SecondaryOwnerId { get; init; }
    public IReadOnlyList<string> StakeholderIds { get; init; } = [];
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Channel for this pipeline's announcements and pages; the team channel when empty.</summary>
    public string? Channel { get; init; }

    public bool IsInvestorFacing => Audience == Audience.Investors;
}
