namespace TechFlow.OnCall.Core.Announcements;

/// <summary>One family of announcements (handoffs, reminders, investor period, holidays), computed from the store.</summary>
public interface IAnnouncementSource
{
    /// <summary>Every announcement of this family due in (<paramref name="from"/>, <paramref name="to"/>], in order.</summary>
    IEnumerable<DueAnnouncement> Between(DateTimeOffset from, DateTimeOffset to);
}
