using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Observability;

/// <summary>The outbox as an operator sees it: what waits per destination and for how long, and what failed for good.</summary>
/// <remarks>A delivery that is neither sent nor failed is backlog, whatever intermediate state the dispatcher uses.</remarks>
public sealed class OutboxBacklog(IOnCallStore store, TimeProvider time)
{
    /// <summary>Distinct failure reasons kept as labels; the rest are counted as <c>other</c>.</summary>
    private const int MaxReasons = 20;

    /// <summary>Backlog per lane: deliveries waiting, and how long the oldest due one has been due.</summary>
    public IReadOnlyList<OutboxLane> Lanes()
    {
        var now = time.GetUtcNow();
        var messages = store.Set<OutboxMessage>();
        return
        [
            .. store.Set<OutboxDelivery>()
                .Find(d => d.Status != DeliveryStatus.Sent && d.Status != DeliveryStatus.Failed)
                .GroupBy(d => (d.Sink, Destination: Destination(d)))
                .Select(lane =>
                {
                    var due = lane.Select(d => messages.Get(d.MessageId)?.NotBefore ?? d.NextAttemptAt).Where(t => t <= now).ToList();
                    return new OutboxLane(lane.Key.Sink, lane.Key.Destination, lane.Count(), due.Count == 0 ? TimeSpan.Zero : now - due.Min());
                }),
        ];
    }

    /// <summary>Deliveries given up for good, per sink and (short, bounded) reason.</summary>
    public IReadOnlyList<(string Sink, string Reason, int Count)> Failed()
    {
        var groups = store.Set<OutboxDelivery>().Find(d => d.Status == DeliveryStatus.Failed)
            .GroupBy(d => (d.Sink, Reason: Reason(d.LastError)))
            .Select(g => (g.Key.Sink, g.Key.Reason, Count: g.Count()))
            .OrderByDescending(g => g.Count)
            .ToList();
        return
        [
            .. groups.Take(MaxReasons),
            .. groups.Skip(MaxReasons).GroupBy(g => g.Sink).Select(g => (g.Key, "other", g.Sum(x => x.Count))),
        ];
    }

    /// <summary>The lane without its sink prefix: <c>channel:C0PIPE</c>, <c>dm:alex-chen</c>, or <c>channel:default</c> for the team channel.</summary>
    private static string Destination(OutboxDelivery delivery)
    {
        var bar = delivery.Lane.IndexOf('|', StringComparison.Ordinal);
        var destination = bar >= 0 ? delivery.Lane[(bar + 1)..] : delivery.Lane;
        return destination == "channel:" ? "channel:default" : destination;
    }

    private static string Reason(string? error)
    {
        var text = string.IsNullOrWhiteSpace(error) ? "unknown" : error.Trim();
        return text.Length <= 60 ? text : text[..60];
    }
}
