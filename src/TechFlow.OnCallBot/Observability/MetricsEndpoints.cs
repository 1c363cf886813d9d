using Prometheus;

namespace TechFlow.OnCallBot.Observability;

/// <summary><c>GET /metrics</c> in Prometheus text format, and the request timing middleware.</summary>
public static class MetricsEndpoints
{
    public static IServiceCollection AddOnCallMetrics(this IServiceCollection services)
    {
        services.AddSingleton<OnCallMetrics>();
        services.AddSingleton<OutboxBacklog>();
        services.AddSingleton<ScrapeTimeGauges>();
        services.AddHostedService<StartupReport>();
        return services;
    }

    /// <summary>Times every request that follows, and maps <c>/metrics</c> with the store gauges computed at scrape time.</summary>
    public static WebApplication UseOnCallMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<OnCallMetrics>();
        var gauges = app.Services.GetRequiredService<ScrapeTimeGauges>();
        metrics.Registry.AddBeforeCollectCallback(gauges.Update);
        app.UseMiddleware<RequestMetricsMiddleware>();
        app.MapMetrics("/metrics", metrics.Registry);
        return app;
    }
}
