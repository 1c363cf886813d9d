using Prometheus;

namespace TechFlow.OnCallBot.Observability;

/// <summary>
/// Every metric the host exports at <c>/metrics</c>, in this host's own registry (prometheus-net). Request latency and
/// Quartz counters are recorded as things happen; everything read from the store is computed at scrape time
/// (see <see cref="ScrapeTimeGauges"/>), so nothing on a request's path queries the store for metrics.
/// </summary>
public sealed class OnCallMetrics
{
    public OnCallMetrics()
    {
        DotNetStats.Register(Registry);
        var factory = Metrics.WithCustomRegistry(Registry);
        Requests = factory.CreateHistogram("oncall_http_request_duration_seconds", "HTTP requests by route template, method and status code.",
            ["route", "method", "code"], new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 14) });
        JobRuns = factory.CreateCounter("oncall_quartz_job_runs_total", "Quartz job executions by job and outcome.", ["job", "outcome"]);
        Misfires = factory.CreateCounter("oncall_quartz_misfires_total", "Quartz triggers that misfired (missed their fire time).", ["trigger"]);
        OutboxPending = factory.CreateGauge("oncall_outbox_pending", "Outbox deliveries not yet sent or given up, per sink and destination.", ["sink", "destination"]);
        OutboxOldest = factory.CreateGauge("oncall_outbox_oldest_pending_age_seconds", "Age of the oldest due, undelivered message per sink and destination.", ["sink", "destination"]);
        DeliveriesFailed = factory.CreateGauge("oncall_outbox_deliveries_failed", "Deliveries given up for good, per sink and reason.", ["sink", "reason"]);
        PagesOpen = factory.CreateGauge("oncall_pages_open", "Open pages by escalation level and status (open or acknowledged).", ["level", "status"]);
        EscalationsLate = factory.CreateGauge("oncall_escalation_steps_late", "Open, unacknowledged pages whose next escalation step is overdue beyond the grace.");
        StoreSize = factory.CreateGauge("oncall_store_size_bytes", "Size of the store's data file and log.");
        StoreSchema = factory.CreateGauge("oncall_store_schema_version", "Schema version the store records.");
    }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    public Histogram Requests { get; }

    public Counter JobRuns { get; }

    public Counter Misfires { get; }

    public Gauge OutboxPending { get; }

    public Gauge OutboxOldest { get; }

    public Gauge DeliveriesFailed { get; }

    public Gauge PagesOpen { get; }

    public Gauge EscalationsLate { get; }

    public Gauge StoreSize { get; }

    public Gauge StoreSchema { get; }
}
