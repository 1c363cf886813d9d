using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>Stores outbox messages with their deliveries, exactly once per key.</summary>
public sealed class Outbox(IOnCallStore store, IEnumerable<IChatDelivery> sinks, TimeProvider time)
{
    /// <summary>The kind of page notifications, which are delivered before everything else.</summary>
    public const string PageKind = "page";

    private readonly IChatDelivery[] _sinks = [.. sinks];

    /// <summary>
    /// Stores <paramref name="message"/> in <paramref name="tx"/> (the caller's unit of work), unless its key exists.
    /// </summary>
    /// <returns>False when a message with the same key was already stored: nothing changes.</returns>
    public bool Enqueue(IStoreTransaction tx, OutboxMessage message)
    {
        var messages = tx.Set<OutboxMessage>();
        if (messages.Get(message.Id) is not null)
        {
            return false;
        }

        var counter = tx.Set<OutboxCounter>();
        var seq = (counter.Get(OutboxCounter.Key)?.Value ?? 0) + 1;
        counter.Upsert(new OutboxCounter { Id = OutboxCounter.Key, Value = seq });
        var now = time.GetUtcNow();
        var stored = message with
        {
            Seq = seq,
            CreatedAt = message.CreatedAt == default ? now : message.CreatedAt,
            NotBefore = message.NotBefore == default ? now : message.NotBefore,
        };
        messages.TryInsert(stored);
        foreach (var sink in _sinks.Where(s => s.IsEnabled))
        {
            tx.Set<OutboxDelivery>().TryInsert(new OutboxDelivery
            {
                Id = $"{sink.Name}|{stored.Id}",
                Sink = sink.Name,
                MessageId = stored.Id,
                Seq = seq,
                Lane = $"{sink.Name}|{(stored.DirectTo is null ? "channel:" + (stored.Channel ?? "") : "dm:" + stored.DirectTo)}",
                Priority = stored.Kind == PageKind ? OutboxDelivery.PagePriority : OutboxDelivery.NormalPriority,
                NextAttemptAt = stored.NotBefore,
            });
        }

        return true;
    }

    /// <summary>Stores one message in its own unit of work.</summary>
    public bool Enqueue(OutboxMessage message) => store.Write(tx => Enqueue(tx, message));
}

/// <summary>The outbox sequence counter.</summary>
public sealed record OutboxCounter
{
    public const string Key = "outbox";

    public required string Id { get; init; }
    public long Value { get; init; }
}
