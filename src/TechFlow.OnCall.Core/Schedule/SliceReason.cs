namespace TechFlow.OnCall.Core.Schedule;

/// <summary>Why the person holding a slice differs from the person planned for it.</summary>
public enum SliceReason
{
    /// <summary>The planned person holds it.</summary>
    Planned = 0,
    /// <summary>An approved swap put someone else there.</summary>
    Swap = 1,
    /// <summary>An approved cover (or a manual override) put someone else there.</summary>
    Cover = 2,
    /// <summary>The person who should hold it has approved time off and nobody covers: uncovered.</summary>
    TimeOff = 3,
    /// <summary>The person who should hold it left the team or the rotation: uncovered.</summary>
    LeftTeam = 4,
}
