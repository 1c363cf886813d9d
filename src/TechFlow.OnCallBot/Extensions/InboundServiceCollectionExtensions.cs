using Microsoft.Extensions.DependencyInjection.Extensions;
using TechFlow.OnCall.Core.Inbound;
using TechFlow.OnCallBot.Inbound;

namespace TechFlow.OnCallBot.Extensions;

public static class InboundServiceCollectionExtensions
{
    /// <summary>
    /// The durable inbound work queue and its runner; platform adapters add their <see cref="IInboundWorkProcessor"/>s.
    /// Safe to call from more than one adapter.
    /// </summary>
    public static IServiceCollection AddInboundWork(this IServiceCollection services)
    {
        services.TryAddSingleton<Inbox>();
        services.TryAddSingleton<InboundWorkRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InboundWorkService>());
        return services;
    }
}
