namespace TechFlow.OnCall.Core.Announcements;

/// <summary>When and where the bot announces (configuration section <c>Announcements</c>).</summary>
public sealed class AnnouncementOptions
{
    public const string Section = "Announcements";

    /// <summary>The channel for announcements; the platform's announcement channel when empty.</summary>
    public string? Channel { get; set; }

    /// <summary>Per kind (<c>handoff-reminder</c>, <c>shift-start</c>, <c>investor-period</c>, <c>holiday</c>) a channel that overrides <see cref="Channel"/>.</summary>
    public Dictionary<string, string> Channels { get; set; } = [];

    /// <summary>Local time of the handoff reminder, on the day of the handoff (Friday 10:00 for a Friday 17:00 handoff).</summary>
    public TimeOnly HandoffReminder { get; set; } = new(10, 0);

    /// <summary>Local time of day-level announcements: investor-period warning and start, holiday heads-ups.</summary>
    public TimeOnly PostAt { get; set; } = new(9, 0);

    /// <summary>How many business days before the investor period its warning goes out.</summary>
    public int InvestorWarningBusinessDays { get; set; } = 2;

    /// <summary>How many days before a holiday its heads-up goes out.</summary>
    public int HolidayLeadDays { get; set; } = 7;

    /// <summary>
    /// Default leads, in hours before a shift starts, of the personal reminders (one week and one day);
    /// null or empty means 168 and 24. Engineers override them with <see cref="EngineerPreferences"/>.
    /// </summary>
    public IList<int>? ReminderLeadHours { get; set; }

    /// <summary>A missed announcement is still posted this many hours after it was due; older ones are skipped.</summary>
    public int GraceHours { get; set; } = 6;

    /// <summary>The reminder leads in effect when an engineer has no preference.</summary>
    public IReadOnlyList<int> DefaultReminderLeadHours =>
        ReminderLeadHours is { Count: > 0 } leads ? [.. leads] : [168, 24];

    /// <summary>The channel for messages of <paramref name="kind"/>; null for the platform's announcement channel.</summary>
    public string? ChannelFor(string kind) =>
        Channels.TryGetValue(kind, out var channel) && !string.IsNullOrWhiteSpace(channel) ? channel
        : string.IsNullOrWhiteSpace(Channel) ? null : Channel;
}
