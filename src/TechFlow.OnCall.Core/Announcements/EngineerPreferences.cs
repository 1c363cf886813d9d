namespace TechFlow.OnCall.Core.Announcements;

/// <summary>One engineer's announcement preferences, stored under the engineer's id.</summary>
public sealed record EngineerPreferences
{
    /// <summary>The engineer id.</summary>
    public required string Id { get; init; }

    /// <summary>Hours before a shift starts to send a reminder DM; null for the team default, empty for none.</summary>
    public IReadOnlyList<int>? ReminderLeadHours { get; init; }
}
