using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Conversation;

/// <summary>
/// How answers, posts and exports describe a slice of the effective schedule. A person who is away is written by
/// name, never mentioned, so a post about their gap does not ping them on holiday.
/// </summary>
public static class SliceText
{
    /// <summary>"uncovered: needs a cover".</summary>
    public const string Uncovered = "uncovered: needs a cover";

    /// <summary>"&lt;@sarah&gt; until Friday 5:00 PM EST, in 3 days (covering for &lt;@lisa&gt;, who is away)", or the uncovered line.</summary>
    public static string Holding(ReplyBuilder b, ScheduleSlice slice, DateTimeOffset now, TimeText timeText)
    {
        var until = timeText.Until(slice.Until, now);
        if (slice.Holder is not { } holder)
        {
            return $"nobody, {Uncovered} {until} ({Why(slice)})";
        }

        return slice.Reason == SliceReason.Planned
            ? $"{b.Mention(holder)} {until}"
            : $"{b.Mention(holder)} {until} (covering for {(slice.Away is null ? b.Mention(slice.Planned) : $"{slice.Planned.Name}, who is away")})";
    }

    /// <summary>The holder's mention, or "nobody (uncovered: needs a cover)".</summary>
    public static string Who(ReplyBuilder b, ScheduleSlice slice) =>
        slice.Holder is { } holder ? b.Mention(holder) : $"nobody ({Uncovered})";

    /// <summary>The holder's plain name, or "nobody (uncovered: needs a cover)" (for calendars and exports).</summary>
    public static string Name(ScheduleSlice slice) => slice.Holder?.Name ?? $"nobody ({Uncovered})";

    /// <summary>
    /// A short note when the slice differs from the plan: "away; covered by Sarah Johnson", "uncovered: needs a cover
    /// (Lisa Wang is away)", "swap: Sarah Johnson for Lisa Wang", "cover: …", or null when it is as planned.
    /// </summary>
    public static string? Note(ScheduleSlice slice)
    {
        var role = slice.Role.ToString().ToLowerInvariant();
        return slice switch
        {
            { Reason: SliceReason.Planned } => null,
            { Holder: null } => $"{role} {Uncovered} ({Why(slice)})",
            { Away: not null } => $"{role}: {slice.Planned.Name} away; covered by {slice.Holder.Name}",
            { Reason: SliceReason.Swap } => $"{role} swap: {slice.Holder.Name} for {slice.Planned.Name}",
            _ => $"{role} cover: {slice.Holder.Name} for {slice.Planned.Name}",
        };
    }

    /// <summary>"Lisa Wang is away" or "Mike Rodriguez left the team".</summary>
    public static string Why(ScheduleSlice slice)
    {
        var name = (slice.Away ?? slice.Planned).Name;
        return slice.Reason == SliceReason.LeftTeam ? $"{name} left the team" : $"{name} is away";
    }

    /// <summary>What paging does when a role is uncovered at that instant; null when both roles are held.</summary>
    public static string? PagingNote(OnCallSnapshot snapshot) => (snapshot.Primary.IsUncovered, snapshot.Secondary.IsUncovered) switch
    {
        (true, false) => $"The primary slot is {Uncovered} ({Why(snapshot.Primary)}): pages go to the secondary first, then the escalation chain continues as usual.",
        (false, true) => $"The secondary slot is {Uncovered} ({Why(snapshot.Secondary)}): pages go to the primary, then skip to level 3 of the escalation chain.",
        (true, true) => $"Both slots are {Uncovered} ({Why(snapshot.Primary)}; {Why(snapshot.Secondary)}): pages go to the pipeline owner or a senior engineer, then the manager.",
        _ => null,
    };
}
