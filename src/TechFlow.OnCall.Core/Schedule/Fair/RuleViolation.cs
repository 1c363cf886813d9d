namespace TechFlow.OnCall.Core.Schedule.Fair;

/// <summary>A hard rule a stored or planned shift breaks.</summary>
public sealed record RuleViolation(string ShiftId, string Reason);
