using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Teams.Activities;

namespace TechFlow.OnCall.Teams.Proactive;

/// <summary>The stored conversation references.</summary>
public sealed class TeamsConversations(IOnCallStore store, TimeProvider time)
{
    /// <summary>
    /// Stores the reference of the conversation <paramref name="activity"/> came from, when it is new or differs from
    /// the stored one in more than <see cref="TeamsConversation.UpdatedAt"/>: a personal chat's every message reads
    /// the store once and writes nothing, so <c>UpdatedAt</c> is when the reference last changed.
    /// </summary>
    public TeamsConversation? Remember(Activity activity)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } id || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return null;
        }

        var type = activity.Conversation.ConversationType
            ?? (activity.ChannelDataString("channel", "id") is not null ? TeamsConversation.Channel
                : activity.Conversation.IsGroup == true ? "groupChat" : TeamsConversation.Personal);
        var reference = new TeamsConversation
        {
            Id = id,
            ServiceUrl = serviceUrl,
            ConversationType = type,
            TenantId = activity.TenantId,
            BotId = activity.Recipient?.Id,
            UserId = type == TeamsConversation.Personal ? activity.From?.Id : null,
            TeamId = activity.ChannelDataString("team", "id"),
            Name = activity.Conversation.Name ?? activity.ChannelDataString("channel", "name") ?? activity.ChannelDataString("team", "name"),
            UpdatedAt = time.GetUtcNow(),
        };
        if (store.Set<TeamsConversation>().Get(id) is { } stored && stored with { UpdatedAt = reference.UpdatedAt } == reference)
        {
            return stored;
        }

        store.Write(s => s.Set<TeamsConversation>().Upsert(reference));
        return reference;
    }

    public void Save(TeamsConversation reference) => store.Write(s => s.Set<TeamsConversation>().Upsert(reference));

    public void Forget(string conversationId) => store.Write(s => s.Set<TeamsConversation>().Delete(conversationId));

    public TeamsConversation? Get(string id) => store.Set<TeamsConversation>().Get(id);

    /// <summary>The most recently stored team channel, where announcements go.</summary>
    public TeamsConversation? TeamChannel() =>
        store.Set<TeamsConversation>().Find(c => c.ConversationType == TeamsConversation.Channel, c => c.UpdatedAt, descending: true, limit: 1).FirstOrDefault();

    public bool HasTeamChannel() => store.Set<TeamsConversation>().Exists(c => c.ConversationType == TeamsConversation.Channel);

    /// <summary>The personal chat with <paramref name="userId"/>, if the bot has one.</summary>
    public TeamsConversation? PersonalChat(string userId) =>
        store.Set<TeamsConversation>().Find(c => c.UserId == userId, c => c.UpdatedAt, descending: true, limit: 1).FirstOrDefault();

    /// <summary>Any reference, to learn the service URL, tenant and bot id for creating a new personal chat.</summary>
    public TeamsConversation? Any() =>
        store.Set<TeamsConversation>().Find(c => c.BotId != null, c => c.UpdatedAt, descending: true, limit: 1).FirstOrDefault();
}
