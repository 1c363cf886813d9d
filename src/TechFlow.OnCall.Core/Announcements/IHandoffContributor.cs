using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>
/// Adds lines to the Friday handoff reminder (for example paging adds the week's open pages). Register
/// implementations in DI; each is asked once per reminder, in registration order.
/// </summary>
public interface IHandoffContributor
{
    /// <summary>Lines to add for the handoff from <paramref name="outgoing"/> to <paramref name="incoming"/>; empty for none.</summary>
    /// <param name="outgoing">The window of the shift that ends at the handoff, if one was planned.</param>
    /// <param name="incoming">The window of the shift that starts at the handoff.</param>
    /// <param name="now">When the reminder is written.</param>
    IReadOnlyList<string> Lines(ShiftWindow? outgoing, ShiftWindow incoming, DateTimeOffset now);
}
