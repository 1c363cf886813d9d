namespace TechFlow.OnCall.Core.Roster;

/// <summary>How experienced an engineer is; schedule rules and escalation use it.</summary>
public enum Seniority
{
    Junior = 0,
    MidLevel = 1,
    Senior = 2,
}
