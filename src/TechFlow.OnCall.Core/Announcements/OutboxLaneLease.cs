using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Announcements;

/// <summary>
/// One dispatcher's lease on one lane, kept in the store: every change a lane worker makes is a unit of work that
/// first checks the lease is still its own and renews it, so two replicas never work one lane at the same time.
/// </summary>
internal sealed class OutboxLaneLease(string lane, string owner, TimeSpan duration, IOnCallStore store, TimeProvider time)
{
    /// <summary>Claims the lane, or renews this dispatcher's claim; false when another holds an unexpired one.</summary>
    public bool TryClaim() => store.Write(Renew);

    /// <summary>Runs <paramref name="work"/> in one unit of work if the lease is still held (renewing it).</summary>
    /// <exception cref="OutboxLeaseLostException">Another dispatcher took the lane over: nothing was changed.</exception>
    public void Write(Action<IStoreTransaction> work)
    {
        var held = store.Write(tx =>
        {
            if (!Renew(tx))
            {
                return false;
            }

            work(tx);
            return true;
        });
        if (!held)
        {
            throw new OutboxLeaseLostException(lane);
        }
    }

    /// <summary>
    /// Records the outcome of a platform call begun as <paramref name="sending"/>, as long as nobody has touched the
    /// delivery since (it is still Sending with the same attempt count), even if the lease ran out meanwhile: the
    /// outcome is a fact. A delivery another dispatcher took over after the lease ran out is left to it.
    /// </summary>
    /// <exception cref="OutboxLeaseLostException">The lease ran out; the outcome may or may not have been saved.</exception>
    public void SaveOutcome(OutboxDelivery sending, OutboxDelivery outcome)
    {
        var held = store.Write(tx =>
        {
            var set = tx.Set<OutboxDelivery>();
            var current = set.Get(sending.Id);
            if (current is { Status: DeliveryStatus.Sending } && current.Attempts == sending.Attempts)
            {
                set.Upsert(outcome);
            }

            return Renew(tx);
        });
        if (!held)
        {
            throw new OutboxLeaseLostException(lane);
        }
    }

    /// <summary>Gives the lane up (when it has nothing due), so another replica need not wait for the lease to run out.</summary>
    public void Release() => store.Write(tx =>
    {
        if (tx.Set<OutboxLaneClaim>().Get(lane)?.Owner == owner)
        {
            tx.Set<OutboxLaneClaim>().Delete(lane);
        }
    });

    /// <summary>Lanes another dispatcher holds right now.</summary>
    public static IReadOnlySet<string> HeldByOthers(IStoreSets store, string owner, DateTimeOffset now) =>
        store.Set<OutboxLaneClaim>().All().Where(c => c.Owner != owner && c.Until > now).Select(c => c.Id).ToHashSet();

    private bool Renew(IStoreTransaction tx)
    {
        var now = time.GetUtcNow();
        var claims = tx.Set<OutboxLaneClaim>();
        var claim = claims.Get(lane);
        if (claim is not null && claim.Owner != owner && claim.Until > now)
        {
            return false;
        }

        claims.Upsert(new OutboxLaneClaim { Id = lane, Owner = owner, Until = now + duration });
        return true;
    }
}

/// <summary>A lane's lease passed to another dispatcher: the worker stops without changing anything more.</summary>
internal sealed class OutboxLeaseLostException(string lane) : Exception($"The lease on outbox lane {lane} passed to another dispatcher");
