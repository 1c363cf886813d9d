namespace TechFlow.OnCall.Core.Calendar;

/// <summary>The result of a time-off or holiday change: the record, or why nothing was stored.</summary>
public sealed record TimeOffOutcome(TimeOff? TimeOff, Holiday? Holiday, string? Error)
{
    public bool Succeeded => Error is null;

    public static TimeOffOutcome Fail(string error) => new(null, null, error);
}
