namespace TechFlow.OnCallBot.Observability;

/// <summary>
/// Marks when the hosted services begin and finish starting (Kestrel listens last) on the <see cref="StartupTimeline"/>.
/// Registered before every other hosted service.
/// </summary>
internal sealed class StartupMarks : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        StartupTimeline.Mark("hosted services starting");
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        StartupTimeline.Mark("listening");
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Wiring for the start-up timeline.</summary>
public static class StartupTimelineExtensions
{
    /// <summary>Marks the hosted services' start; first of them, so it sees them all.</summary>
    public static IServiceCollection AddStartupTimeline(this IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StartupMarks>());
        return services;
    }

    /// <summary>
    /// When <c>Startup</c> logs at Debug, a middleware writes the timeline after the first answered request; otherwise
    /// nothing is added to the request path.
    /// </summary>
    public static WebApplication UseStartupTimeline(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            await next(context);
            if (!StartupTimeline.FirstRequestSeen)
            {
                StartupTimeline.FirstRequestAnswered(logger);
            }
        });
        return app;
    }
}
