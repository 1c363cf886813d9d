using Microsoft.Extensions.Options;
using Prometheus;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
using TechFlow.OnCallBot.Health;

namespace TechFlow.OnCallBot.Observability;

/// <summary>Sets the store-derived gauges just before each scrape: outbox backlog and failures, pages, late escalations, store size.</summary>
public sealed class ScrapeTimeGauges(OnCallMetrics metrics, IOnCallStore store, OutboxBacklog backlog, TimeProvider time, IOptions<HealthOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Gauge, HashSet<string[]>> _seen = [];

    public void Update()
    {
        lock (_gate)
        {
            Set(metrics.OutboxPending, backlog.Lanes().Select(l => (new[] { l.Sink, l.Destination }, (double)l.Pending)));
            Set(metrics.OutboxOldest, backlog.Lanes().Select(l => (new[] { l.Sink, l.Destination }, l.OldestAge.TotalSeconds)));
            Set(metrics.DeliveriesFailed, backlog.Failed().Select(f => (new[] { f.Sink, f.Reason }, (double)f.Count)));

            var now = time.GetUtcNow();
            var open = store.Set<Page>().Find(p => p.Status != PageStatus.Resolved);
            Set(metrics.PagesOpen, open
                .GroupBy(p => (Level: p.Level.ToString(System.Globalization.CultureInfo.InvariantCulture), Status: p.Status == PageStatus.Open ? "open" : "acknowledged"))
                .Select(g => (new[] { g.Key.Level, g.Key.Status }, (double)g.Count())));
            var grace = options.Value.EscalationGrace;
            metrics.EscalationsLate.Set(open.Count(p => p.Status == PageStatus.Open && p.NextEscalationAt is { } due && due + grace < now));

            if (store is LiteDbStore lite)
            {
                metrics.StoreSize.Set(lite.SizeBytes);
                metrics.StoreSchema.Set(lite.SchemaVersion);
            }
        }
    }

    /// <summary>Sets each labelled value, and zeroes label sets seen before but absent now (so a cleared backlog reads 0).</summary>
    private void Set(Gauge gauge, IEnumerable<(string[] Labels, double Value)> values)
    {
        if (!_seen.TryGetValue(gauge, out var seen))
        {
            seen = new HashSet<string[]>(LabelComparer.Instance);
            _seen[gauge] = seen;
        }

        var current = new HashSet<string[]>(LabelComparer.Instance);
        foreach (var (labels, value) in values)
        {
            gauge.WithLabels(labels).Set(value);
            current.Add(labels);
            seen.Add(labels);
        }

        foreach (var stale in seen.Where(l => !current.Contains(l)))
        {
            gauge.WithLabels(stale).Set(0);
        }
    }

    private sealed class LabelComparer : IEqualityComparer<string[]>
    {
        public static readonly LabelComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(string[] obj) => string.Join('\u0001', obj).GetHashCode(StringComparison.Ordinal);
    }
}
