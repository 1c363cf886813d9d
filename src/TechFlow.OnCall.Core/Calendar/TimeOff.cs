namespace TechFlow.OnCall.Core.Calendar;

/// <summary>Approved time away for one engineer, whole local days, inclusive.</summary>
public sealed record TimeOff
{
    public required string Id { get; init; }
    public required string EngineerId { get; init; }
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
    public string Reason { get; init; } = "";
    public bool Approved { get; init; } = true;
    public DateTimeOffset CreatedAt { get; init; }

    public bool Covers(DateOnly day) => day >= From && day <= To;

    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && To >= from;
}
