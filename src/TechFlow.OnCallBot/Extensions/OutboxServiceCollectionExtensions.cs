using TechFlow.OnCallBot.Outbox;

namespace TechFlow.OnCallBot.Extensions;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The background loop that sends outbox messages through the configured chat platforms.</summary>
    public static IServiceCollection AddOutboxDispatcher(this IServiceCollection services)
    {
        services.AddHostedService<OutboxDispatcherService>();
        return services;
    }
}
