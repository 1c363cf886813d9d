namespace TechFlow.OnCall.Core.Paging;

/// <summary>The escalation matrix: levels tried in order, each with how long to wait for an acknowledgement.</summary>
public sealed record EscalationPolicy
{
    public const string DefaultId = "default";

    public required string Id { get; init; }
    public IReadOnlyList<EscalationLevel> Levels { get; init; } = [];

    /// <summary>Primary 30 min, secondary 45 min, owner or senior 1 h, manager 2 h.</summary>
    public static EscalationPolicy Default { get; } = new()
    {
        Id = DefaultId,
        Levels =
        [
            new EscalationLevel(1, EscalationTarget.PrimaryOnCall, TimeSpan.FromMinutes(30)),
            new EscalationLevel(2, EscalationTarget.SecondaryOnCall, TimeSpan.FromMinutes(45)),
            new EscalationLevel(3, EscalationTarget.OwnerOrSenior, TimeSpan.FromHours(1)),
            new EscalationLevel(4, EscalationTarget.Manager, TimeSpan.FromHours(2)),
        ],
    };
}

/// <summary>One level: who is pinged, and how long they have to acknowledge before the next level.</summary>
public sealed record EscalationLevel(int Number, EscalationTarget Target, TimeSpan Wait);
