using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCallBot.Paging;

namespace TechFlow.OnCallBot.Extensions;

public static class PagingServiceCollectionExtensions
{
    /// <summary>Pages, their escalation (an <see cref="IDueWork"/>), the paging commands and buttons.</summary>
    public static IServiceCollection AddPaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PagingOptions>()
            .Bind(configuration.GetSection(PagingOptions.Section))
            .Validate(o => string.IsNullOrEmpty(o.ApiSecret) || o.ApiSecret.Trim().Length >= 16, "Paging:ApiSecret must be empty (API off) or at least 16 characters")
            .ValidateOnStart();
        services.AddSingleton<IStoreInitializer, PagingStoreInitializer>();
        services.AddSingleton<PageCards>();
        services.AddSingleton<PageService>();
        services.AddSingleton<PageStatistics>();
        services.AddSingleton<PageActions>();
        services.AddSingleton<PageEscalationWork>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<PageEscalationWork>());
        services.AddSingleton<IHandoffContributor, OpenPagesHandoffContributor>();
        services.AddSingleton<IActionHandler>(sp => sp.GetRequiredService<PageActions>());
        services.AddSingleton<ICommandHandler, PageHandler>();
        services.AddSingleton<ICommandHandler, PagesHandler>();
        services.AddSingleton<ICommandHandler, PageAckHandler>();
        services.AddSingleton<ICommandHandler, PageStatsHandler>();
        return services;
    }

    /// <summary>POST /api/pages for monitors; answers 404 unless Paging:ApiSecret is set.</summary>
    public static IEndpointRouteBuilder MapPaging(this IEndpointRouteBuilder app)
    {
        app.MapPost(PagesEndpoint.Route, PagesEndpoint.HandleAsync);
        return app;
    }
}
