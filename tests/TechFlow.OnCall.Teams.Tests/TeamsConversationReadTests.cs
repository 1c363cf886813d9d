using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
using TechFlow.OnCall.Teams.Activities;
using TechFlow.OnCall.Teams.Proactive;
using TechFlow.OnCall.Teams.Tests.Support;

namespace TechFlow.OnCall.Teams.Tests;

/// <summary>
/// A personal chat's repeated messages read the stored conversation reference from memory, and any committed change
/// to references (here or by another writer) is seen by the next message.
/// </summary>
public sealed class TeamsConversationReadTests : IDisposable
{
    private const string ServiceUrl = "http://127.0.0.1:9/connector/";
    private readonly LiteDbStore _inner = new(":memory:");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

    public void Dispose() => _inner.Dispose();

    [Fact]
    public void Remember_SameReferenceAgain_ReadsNoConversationReference()
    {
        var store = new ReadCountingStore(_inner, seesEveryCommit: true);
        var conversations = new TeamsConversations(store, _time);
        conversations.Remember(Message());
        conversations.Remember(Message());
        var before = store.ConversationReads;

        conversations.Remember(Message());
        conversations.Remember(Message());

        Assert.Equal(before, store.ConversationReads);
    }

    [Fact]
    public void Remember_AfterAnotherWriterChangedTheReference_StoresItAgain()
    {
        var store = new ReadCountingStore(_inner, seesEveryCommit: true);
        var conversations = new TeamsConversations(store, _time);
        conversations.Remember(Message());
        conversations.Remember(Message());
        ((IOnCallStore)_inner).Write(s => s.Set<TeamsConversation>().Upsert(s.Set<TeamsConversation>().Get(TeamsActivities.PersonalChat)! with { ServiceUrl = "http://127.0.0.1:9/moved/" }));

        conversations.Remember(Message());

        Assert.Equal(ServiceUrl, conversations.Get(TeamsActivities.PersonalChat)?.ServiceUrl);
    }

    [Fact]
    public void Remember_AfterForget_StoresItAgain()
    {
        var store = new ReadCountingStore(_inner, seesEveryCommit: true);
        var conversations = new TeamsConversations(store, _time);
        conversations.Remember(Message());
        conversations.Remember(Message());
        conversations.Forget(TeamsActivities.PersonalChat);

        conversations.Remember(Message());

        Assert.Equal(ServiceUrl, conversations.Get(TeamsActivities.PersonalChat)?.ServiceUrl);
    }

    [Fact]
    public void Remember_StoreThatMaySkipCommits_ReadsTheReferenceEveryTime()
    {
        var store = new ReadCountingStore(_inner, seesEveryCommit: false);
        var conversations = new TeamsConversations(store, _time);
        conversations.Remember(Message());
        var before = store.ConversationReads;

        conversations.Remember(Message());
        conversations.Remember(Message());

        Assert.Equal(before + 2, store.ConversationReads);
    }

    private static Activity Message() =>
        JsonSerializer.Deserialize<Activity>(TeamsActivities.PersonalMessage(ServiceUrl, "help").ToJsonString(), TeamsJson.Options)!;

    /// <summary>Counts reads of conversation references outside a unit of work; says whether it sees every commit.</summary>
    private sealed class ReadCountingStore(IOnCallStore inner, bool seesEveryCommit) : IOnCallStore
    {
        private int _reads;

        public int ConversationReads => Volatile.Read(ref _reads);

        public bool InUnitOfWork => inner.InUnitOfWork;

        public bool SeesEveryCommit => seesEveryCommit;

        public event Action<StoreCommit>? Committed
        {
            add => inner.Committed += value;
            remove => inner.Committed -= value;
        }

        public IRepository<T> Set<T>() where T : class
        {
            if (typeof(T) == typeof(TeamsConversation))
            {
                Interlocked.Increment(ref _reads);
            }

            return inner.Set<T>();
        }

        public T Write<T>(Func<IStoreTransaction, T> work) => inner.Write(work);
    }
}
