using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>An escalation level with its person filled in.</summary>
public sealed record EscalationStep(EscalationLevel Level, Engineer? Engineer, string Role);
