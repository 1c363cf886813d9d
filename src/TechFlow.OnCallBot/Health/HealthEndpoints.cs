using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TechFlow.OnCallBot.Health;

/// <summary>
/// <c>GET /healthz</c>: liveness (the process answers). <c>GET /healthz/ready</c>: the store, the outbox backlog and,
/// where configured, Slack and Teams credentials and Slack's Socket Mode connections; 503 with one line per check when any fails.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>()
            .BindConfiguration(HealthOptions.Section)
            .Validate(o => o.StoreTimeout > TimeSpan.Zero && o.MaxOutboxAge > TimeSpan.Zero && o.PlatformCheckInterval >= TimeSpan.Zero && o.EscalationGrace >= TimeSpan.Zero,
                "Health: StoreTimeout and MaxOutboxAge must be positive, PlatformCheckInterval and EscalationGrace not negative")
            .ValidateOnStart();
        // Singletons: the platform checks keep their last answer between probes.
        services.AddSingleton<SlackHealthCheck>();
        services.AddSingleton<TeamsHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [Ready])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [Ready])
            .AddCheck<SlackHealthCheck>("slack", tags: [Ready])
            .AddCheck<SocketModeHealthCheck>("slack-socket-mode", tags: [Ready])
            .AddCheck<TeamsHealthCheck>("teams", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteAsync,
        });
        return app;
    }

    /// <summary>The overall status, then <c>name: status, description</c> per check.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var text = new StringBuilder().AppendLine(report.Status.ToString().ToLowerInvariant());
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").Append(entry.Status.ToString().ToLowerInvariant());
            if (!string.IsNullOrEmpty(entry.Description))
            {
                text.Append(", ").Append(entry.Description);
            }

            text.AppendLine();
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(text.ToString());
    }
}
