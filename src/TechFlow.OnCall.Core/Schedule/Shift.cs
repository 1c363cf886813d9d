namespace TechFlow.OnCall.Core.Schedule;

/// <summary>A planned shift: who is primary and secondary on call in one window.</summary>
public sealed record Shift
{
    /// <summary>The local start date, <c>yyyy-MM-dd</c>.</summary>
    public required string Id { get; init; }
    public DateTimeOffset Start { get; init; }
    public DateTimeOffset End { get; init; }
    public required string PrimaryId { get; init; }
    public required string SecondaryId { get; init; }
    public DateTimeOffset PlannedAt { get; init; }
    /// <summary>Which generator produced it (for example <c>round-robin</c>, <c>fair</c>, <c>import</c>).</summary>
    public string Source { get; init; } = "";

    public string Assigned(ShiftRole role) => role == ShiftRole.Primary ? PrimaryId : SecondaryId;

    public ShiftWindow Window => new(DateOnly.ParseExact(Id, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Start, End);
}
