namespace TechFlow.OnCall.Core.Paging;

/// <summary>Who a level of the escalation matrix pings.</summary>
public enum EscalationTarget
{
    PrimaryOnCall = 0,
    SecondaryOnCall = 1,
    /// <summary>The pipeline's primary owner, or the most senior engineer when the owner is already paged.</summary>
    OwnerOrSenior = 2,
    Manager = 3,
}
