using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>
/// One destination's worker: sends its due deliveries one at a time in (priority, sequence) order until none is
/// due, the lane is parked by a rate limit, or an attempt has to wait for a backoff.
/// </summary>
/// <remarks>
/// It works only while it holds the lane's lease (<see cref="OutboxLaneLease"/>): it claims the lane first, every
/// change it makes renews the claim, and it gives the claim up when it stops. So across replicas one worker at a time
/// sends a lane, which keeps the lane's order; a lane whose worker died is taken over once its lease runs out, and the
/// delivery it left in Sending is reconciled before anything is sent again.
/// </remarks>
internal sealed class OutboxLane(string name, IOnCallStore store, IReadOnlyDictionary<string, IChatDelivery> sinks, TimeProvider time, OutboxLaneLease lease)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    /// <summary>A page notification is time-critical: however often it failed, it is tried again within this.</summary>
    public static readonly TimeSpan MaxPageBackoff = TimeSpan.FromSeconds(15);

    private int _sent;

    public string Name => name;

    /// <summary>Every delivery not yet Sent or Failed.</summary>
    public static IReadOnlyList<OutboxDelivery> Open(IStoreSets store) =>
        store.Set<OutboxDelivery>().Find(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending);

    /// <summary>The delivery a lane sends next.</summary>
    public static OutboxDelivery Head(IEnumerable<OutboxDelivery> lane) => lane.OrderBy(d => d.Priority).ThenBy(d => d.Seq).First();

    /// <summary>Claims the lane and sends what is due; returns how many were sent (0 when another replica holds it).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        if (!lease.TryClaim())
        {
            return 0;
        }

        try
        {
            await SendDueAsync(cancellationToken);
        }
        catch (OutboxLeaseLostException)
        {
        }
        finally
        {
            lease.Release();
        }

        return _sent;
    }

    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var open = store.Set<OutboxDelivery>().Find(d => d.Lane == name && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending));
            if (open.Count == 0)
            {
                return;
            }

            var head = Head(open);
            if (head.NextAttemptAt > time.GetUtcNow() || !sinks.TryGetValue(head.Sink, out var sink))
            {
                return;
            }

            switch (await SendAsync(sink, head, cancellationToken))
            {
                case Step.Sent:
                    _sent++;
                    break;
                case Step.Stop:
                    return;
            }
        }
    }

    private async Task<Step> SendAsync(IChatDelivery sink, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var message = store.Set<OutboxMessage>().Get(delivery.MessageId);
        if (message is null)
        {
            Save(delivery with { Status = DeliveryStatus.Failed, LastError = "message missing" });
            return Step.Next;
        }

        var original = message.Updates is null ? null : store.Set<OutboxDelivery>().Get($"{sink.Name}|{message.Updates}");
        if (original is { Status: DeliveryStatus.Pending or DeliveryStatus.Sending })
        {
            return Step.Stop;
        }

        var updateRef = original?.PlatformRef;
        string? note = null;
        if (delivery.Status == DeliveryStatus.Sending)
        {
            var since = delivery.SendingSince ?? delivery.NextAttemptAt;
            switch (await Catch(() => sink.ReconcileAsync(message, updateRef, since, cancellationToken), ex => new Reconciliation.Retry(TimeSpan.Zero, ex.Message), cancellationToken))
            {
                case Reconciliation.Landed landed:
                    Save(delivery with { Status = DeliveryStatus.Sent, SentAt = time.GetUtcNow(), PlatformRef = landed.PlatformRef, LastError = null });
                    return Step.Sent;
                case Reconciliation.Retry retry:
                    Wait(null, delivery, retry.After, retry.Error);
                    return Step.Stop;
                case Reconciliation.Unknown unknown:
                    note = unknown.Reason;
                    break;
            }
        }

        var sending = delivery with
        {
            Status = DeliveryStatus.Sending,
            SendingSince = delivery.SendingSince ?? time.GetUtcNow(),
            Attempts = delivery.Attempts + 1,
            LastError = note,
        };
        lease.Write(tx =>
        {
            var current = tx.Set<OutboxDelivery>().Get(delivery.Id);
            if (current is null || current.Status != delivery.Status || current.Attempts != delivery.Attempts)
            {
                throw new OutboxLeaseLostException(name);
            }

            tx.Set<OutboxDelivery>().Upsert(sending);
        });
        var outcome = await Catch(() => sink.DeliverAsync(message, updateRef, cancellationToken), ex => new DeliveryOutcome.Uncertain(TimeSpan.Zero, ex.Message), cancellationToken);
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case DeliveryOutcome.Sent s:
                // A note from reconciliation ("sent again, at least once") stays: it says a duplicate was possible.
                lease.SaveOutcome(sending, sending with { Status = DeliveryStatus.Sent, SentAt = now, PlatformRef = s.PlatformRef, LastError = note });
                return Step.Sent;
            case DeliveryOutcome.Failed f:
                lease.SaveOutcome(sending, sending with { Status = DeliveryStatus.Failed, LastError = f.Error });
                return Step.Next;
            case DeliveryOutcome.Retry r:
                Wait(sending, sending with { Status = DeliveryStatus.Pending, SendingSince = null }, r.After, r.Error);
                return Step.Stop;
            case DeliveryOutcome.Uncertain u:
                Wait(sending, sending, u.After, u.Error);
                return Step.Stop;
            default:
                throw new InvalidOperationException($"Unknown outcome {outcome}");
        }
    }

    /// <summary>
    /// Stores <paramref name="delivery"/> to be tried again: after <paramref name="after"/> when positive (a rate
    /// limit: the whole lane parks until then), else after an exponential backoff of this delivery alone.
    /// <paramref name="sending"/> is the attempt this follows, if a platform call was made (see
    /// <see cref="OutboxLaneLease.SaveOutcome"/>).
    /// </summary>
    private void Wait(OutboxDelivery? sending, OutboxDelivery delivery, TimeSpan after, string error)
    {
        var now = time.GetUtcNow();
        if (after <= TimeSpan.Zero)
        {
            var attempts = Math.Max(0, delivery.Attempts - 1);
            var cap = delivery.Priority == OutboxDelivery.PagePriority ? MaxPageBackoff : MaxBackoff;
            var backoff = TimeSpan.FromSeconds(Math.Min(cap.TotalSeconds, Math.Pow(2, Math.Min(attempts, 10))));
            var retry = delivery with { NextAttemptAt = now + backoff, LastError = error };
            if (sending is null)
            {
                Save(retry);
            }
            else
            {
                lease.SaveOutcome(sending, retry);
            }

            return;
        }

        if (sending is not null)
        {
            lease.SaveOutcome(sending, delivery with { NextAttemptAt = now + after, LastError = error });
        }

        var until = now + after;
        lease.Write(tx =>
        {
            var set = tx.Set<OutboxDelivery>();
            set.Upsert(delivery with { NextAttemptAt = until, LastError = error });
            foreach (var other in set.Find(d => d.Lane == name && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending)))
            {
                if (other.Id != delivery.Id && other.NextAttemptAt < until)
                {
                    set.Upsert(other with { NextAttemptAt = until });
                }
            }
        });
    }

    private void Save(OutboxDelivery delivery) => lease.Write(s => s.Set<OutboxDelivery>().Upsert(delivery));

    /// <summary>Runs a platform call; any failure but our own cancellation becomes <paramref name="onError"/>.</summary>
    private static async Task<T> Catch<T>(Func<Task<T>> call, Func<Exception, T> onError, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return onError(ex);
        }
    }

    private enum Step
    {
        Next,
        Sent,
        Stop,
    }
}
