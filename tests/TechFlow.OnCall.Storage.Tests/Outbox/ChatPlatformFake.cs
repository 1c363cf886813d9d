using System.Collections.Concurrent;
using TechFlow.OnCall.Core.Announcements;

namespace TechFlow.OnCall.Storage.Tests.Outbox;

/// <summary>
/// One chat platform shared by every replica's sink: it keeps what was posted, per channel in order, and answers
/// reconciliation from that, as Slack's history does.
/// </summary>
internal sealed class ChatPlatformFake
{
    private readonly ConcurrentQueue<(string Lane, string Key)> _posts = new();

    /// <summary>Every post, in the order the platform accepted them.</summary>
    public IReadOnlyList<(string Lane, string Key)> Posts => [.. _posts];

    public IReadOnlyList<string> PostsTo(string lane) => [.. _posts.Where(p => p.Lane == lane).Select(p => p.Key)];

    public void Post(OutboxMessage message) => _posts.Enqueue((message.Channel ?? "", message.Id));

    public bool Has(OutboxMessage message) => _posts.Any(p => p.Key == message.Id);

    /// <summary>A replica's sink onto this platform; <paramref name="deliver"/> replaces its plain post.</summary>
    public Sink SinkFor(Func<OutboxMessage, Task<DeliveryOutcome>>? deliver = null) => new(this, deliver);

    internal sealed class Sink(ChatPlatformFake platform, Func<OutboxMessage, Task<DeliveryOutcome>>? deliver) : IChatDelivery
    {
        private int _calls;

        public string Name => "fake";

        public bool IsEnabled => true;

        public int Calls => _calls;

        public async Task<DeliveryOutcome> DeliverAsync(OutboxMessage message, string? updateRef, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            if (deliver is not null)
            {
                return await deliver(message);
            }

            await Task.Yield();
            platform.Post(message);
            return new DeliveryOutcome.Sent("ref:" + message.Id);
        }

        public Task<Reconciliation> ReconcileAsync(OutboxMessage message, string? updateRef, DateTimeOffset since, CancellationToken cancellationToken) =>
            Task.FromResult<Reconciliation>(platform.Has(message) ? new Reconciliation.Landed("ref:" + message.Id) : new Reconciliation.NotLanded());
    }
}
