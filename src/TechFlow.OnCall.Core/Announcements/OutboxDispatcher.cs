using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>
/// Sends due outbox deliveries through their sinks: in order within each lane, retrying transient failures
/// with backoff, and recording the outcome so a restart neither drops nor repeats a message.
/// </summary>
/// <remarks>
/// Not re-entrant: one dispatcher loop per process. A delivery is marked sent only after the platform accepted
/// it; a crash between the two can repeat that one message, which sinks that support idempotency keys avoid.
/// </remarks>
public sealed class OutboxDispatcher(IOnCallStore store, IEnumerable<IChatDelivery> sinks, TimeProvider time)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);
    private readonly Dictionary<string, IChatDelivery> _sinks = sinks.ToDictionary(s => s.Name);

    /// <summary>Tries every due delivery once; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = store.Set<OutboxDelivery>()
            .Find(d => d.Status == DeliveryStatus.Pending, d => d.Seq)
            .GroupBy(d => d.Lane);
        var sent = 0;
        foreach (var lane in due)
        {
            foreach (var delivery in lane)
            {
                if (delivery.NextAttemptAt > now || !_sinks.TryGetValue(delivery.Sink, out var sink))
                {
                    break;
                }

                var message = store.Set<OutboxMessage>().Get(delivery.MessageId);
                if (message is null)
                {
                    Save(delivery with { Status = DeliveryStatus.Failed, LastError = "message missing" });
                    continue;
                }

                var updateRef = message.Updates is null ? null
                    : store.Set<OutboxDelivery>().Get($"{sink.Name}|{message.Updates}")?.PlatformRef;
                DeliveryOutcome outcome;
                try
                {
                    outcome = await sink.DeliverAsync(message, updateRef, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    outcome = new DeliveryOutcome.Retry(Backoff(delivery.Attempts), ex.Message);
                }

                var attempts = delivery.Attempts + 1;
                var stamp = time.GetUtcNow();
                switch (outcome)
                {
                    case DeliveryOutcome.Sent s:
                        Save(delivery with { Status = DeliveryStatus.Sent, Attempts = attempts, SentAt = stamp, PlatformRef = s.PlatformRef, LastError = null });
                        sent++;
                        continue;
                    case DeliveryOutcome.Failed f:
                        Save(delivery with { Status = DeliveryStatus.Failed, Attempts = attempts, LastError = f.Error });
                        continue;
                    case DeliveryOutcome.Retry r:
                        var wait = r.After > TimeSpan.Zero ? r.After : Backoff(delivery.Attempts);
                        Save(delivery with { Attempts = attempts, NextAttemptAt = stamp + wait, LastError = r.Error });
                        break;
                }

                break;
            }
        }

        return sent;
    }

    /// <summary>The earliest instant a pending delivery is due, if any.</summary>
    public DateTimeOffset? NextDue() =>
        store.Set<OutboxDelivery>().Find(d => d.Status == DeliveryStatus.Pending, d => d.NextAttemptAt, limit: 1).FirstOrDefault()?.NextAttemptAt;

    private void Save(OutboxDelivery delivery) => store.Write(s => s.Set<OutboxDelivery>().Upsert(delivery));

    private static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempts, 10))));
}
