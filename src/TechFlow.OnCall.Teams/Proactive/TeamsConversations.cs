using System.Collections.Concurrent;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Teams.Activities;

namespace TechFlow.OnCall.Teams.Proactive;

/// <summary>The stored conversation references.</summary>
/// <remarks>
/// Where the store sees every commit (<see cref="IOnCallStore.SeesEveryCommit"/>: one process owning a LiteDB file),
/// the references last read or written are remembered in memory, stamped with a version that every committed change
/// to <see cref="TeamsConversation"/> records moves on, so a personal chat's repeated messages read nothing. On other
/// stores (PostgreSQL replicas) every message reads the stored reference.
/// </remarks>
public sealed class TeamsConversations
{
    private readonly IOnCallStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (TeamsConversation Reference, long Version)> _known = new(StringComparer.Ordinal);
    private long _version;

    public TeamsConversations(IOnCallStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        store.Committed += commit =>
        {
            if (commit.Touches<TeamsConversation>())
            {
                Interlocked.Increment(ref _version);
                _known.Clear();
            }
        };
    }

    /// <summary>
    /// Stores the reference of the conversation <paramref name="activity"/> came from, when it is new or differs from
    /// the stored one in more than <see cref="TeamsConversation.UpdatedAt"/>: a personal chat's every message writes
    /// nothing (and, see the remarks, usually reads nothing), so <c>UpdatedAt</c> is when the reference last changed.
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
            UpdatedAt = _time.GetUtcNow(),
        };
        if (Stored(id) is { } stored && stored with { UpdatedAt = reference.UpdatedAt } == reference)
        {
            return stored;
        }

        _store.Write(s => s.Set<TeamsConversation>().Upsert(reference));
        return reference;
    }

    /// <summary>The stored reference, from memory when no change to references committed since it was read.</summary>
    private TeamsConversation? Stored(string id)
    {
        if (!_store.SeesEveryCommit || _store.InUnitOfWork)
        {
            return _store.Set<TeamsConversation>().Get(id);
        }

        // Read the version before the store: a commit in between leaves the entry stamped with an older version.
        var version = Interlocked.Read(ref _version);
        if (_known.TryGetValue(id, out var known) && known.Version == version)
        {
            return known.Reference;
        }

        var stored = _store.Set<TeamsConversation>().Get(id);
        if (stored is not null)
        {
            _known[id] = (stored, version);
        }

        return stored;
    }

    public void Save(TeamsConversation reference) => _store.Write(s => s.Set<TeamsConversation>().Upsert(reference));

    public void Forget(string conversationId) => _store.Write(s => s.Set<TeamsConversation>().Delete(conversationId));

    public TeamsConversation? Get(string id) => _store.Set<TeamsConversation>().Get(id);

    /// <summary>The most recently stored team channel, where announcements go.</summary>
    public TeamsConversation? TeamChannel() =>
        _store.Set<TeamsConversation>().Find(c => c.ConversationType == TeamsConversation.Channel, c => c.UpdatedAt, descending: true, limit: 1).FirstOrDefault();

    public bool HasTeamChannel() => _store.Set<TeamsConversation>().Exists(c => c.ConversationType == TeamsConversation.Channel);

    /// <summary>The personal chat with <paramref name="userId"/>, if the bot has one.</summary>
    public TeamsConversation? PersonalChat(string userId) =>
        _store.Set<TeamsConversation>().Find(c => c.UserId == userId, c => c.UpdatedAt, descending: true, limit: 1).FirstOrDefault();

    /// <summary>Any reference, to learn the service URL, tenant and bot id for creating a new personal chat.</summary>
    public TeamsConversation? Any() =>
        _store.Set<TeamsConversation>().Find(c => c.BotId != null, c => c.UpdatedAt, descending: true, limit: 1).FirstOrDefault();
}
