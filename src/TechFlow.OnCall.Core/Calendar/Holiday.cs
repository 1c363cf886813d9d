namespace TechFlow.OnCall.Core.Calendar;

/// <summary>A day off for the whole team: a federal holiday (observed date) or a company holiday.</summary>
public sealed record Holiday
{
    /// <summary>For stored company holidays: <c>company:yyyy-MM-dd</c>.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The observed date (a federal holiday on a Saturday is observed on Friday, on a Sunday on Monday).</summary>
    public DateOnly Date { get; init; }
    /// <summary>The calendar date itself, when it differs from <see cref="Date"/>.</summary>
    public DateOnly Actual { get; init; }
    public bool IsCompany { get; init; }
}
