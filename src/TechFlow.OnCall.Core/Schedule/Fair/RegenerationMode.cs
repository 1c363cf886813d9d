namespace TechFlow.OnCall.Core.Schedule.Fair;

public enum RegenerationMode
{
    /// <summary>Replace only the future shifts that break a rule (and neighbours when needed): fewest changes.</summary>
    Minimal = 0,
    /// <summary>Re-plan every future shift that is not frozen or overridden, for the best balance.</summary>
    Rebalance = 1,
}
