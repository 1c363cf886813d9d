namespace TechFlow.OnCall.Core.Paging;

/// <summary>One ping of one escalation level: who was paged, when, and under which outbox key.</summary>
public sealed record PageNotification
{
    public int Level { get; init; }
    /// <summary>0 for the first ping of a level; 1, 2, … for repeats of the last level.</summary>
    public int Round { get; init; }
    /// <summary>The engineer paged; null when the level had nobody.</summary>
    public string? EngineerId { get; init; }
    /// <summary>What they are at this level: primary on call, secondary on call, pipeline owner, …</summary>
    public string Role { get; init; } = "";
    public DateTimeOffset At { get; init; }
    /// <summary>The outbox key of the direct message.</summary>
    public string Key { get; init; } = "";
    /// <summary>True when someone pressed Escalate rather than the wait running out.</summary>
    public bool Manual { get; init; }
    /// <summary>Levels passed over on the way to this one because nobody held them, each with the reason ("Level 2 (secondary on call) was skipped: …").</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}
