using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Teams;
using TechFlow.OnCall.Teams.Auth;
using TechFlow.OnCall.Teams.Bot;
using TechFlow.OnCall.Teams.Connector;
using TechFlow.OnCall.Teams.Proactive;

namespace TechFlow.OnCallBot.Extensions;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>The Microsoft Teams adapter: token validation, the Bot Connector client, the bot and its outbox sink.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.Section))
            .Validate(o => !o.HasAppId || Guid.TryParse(o.AppId, out _), "Teams:AppId must be the bot's Microsoft App ID (a GUID)")
            .Validate(o => !o.HasAppId || !string.IsNullOrWhiteSpace(o.AppPassword), "Teams:AppPassword is required when Teams:AppId is set")
            .Validate(o => string.IsNullOrWhiteSpace(o.TenantId) || Guid.TryParse(o.TenantId, out _), "Teams:TenantId must be a GUID")
            .Validate(o => o.ConnectorTimeout > TimeSpan.Zero, "Teams:ConnectorTimeout must be positive")
            .Validate(o => o.TokenTimeout > TimeSpan.Zero && o.TokenTimeout <= TimeSpan.FromSeconds(5), "Teams:TokenTimeout must be positive and at most 5 seconds (Bot Framework waits 15 s for an answer)")
            .Validate(o => Uri.TryCreate(o.OpenIdMetadataUrl, UriKind.Absolute, out _), "Teams:OpenIdMetadataUrl must be an absolute URL")
            .ValidateOnStart();
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<IConnectorTokenSource, MsalConnectorTokenSource>();
        services.AddHttpClient<ConnectorClient>()
            .AddOutboundResilience(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamsOptions>>().Value.ConnectorTimeout);
        services.AddSingleton<TeamsConversations>();
        services.AddSingleton<IStoreInitializer, TeamsStoreInitializer>();
        services.AddKeyedSingleton(TeamsIdentity.LookupsKey, (sp, _) =>
            new PlatformUserLookups(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOnCallStore>()));
        services.AddTransient<TeamsIdentity>();
        services.AddTransient<TeamsReplies>();
        services.AddTransient<TeamsBot>();
        services.AddTransient<TeamsEndpoint>();
        services.AddTransient<IChatDelivery, TeamsChatDelivery>();
        return services;
    }

    /// <summary><c>POST /api/messages</c>, and a start-up log line saying how requests are authenticated.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        var services = app.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Teams");
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamsOptions>>().Value;
        if (options.HasAppId)
        {
            logger.LogInformation("Teams: {Route} requires Bot Framework tokens for app {AppId}", TeamsEndpoint.Route, options.AppId);
        }
        else if (services.GetRequiredService<IWebHostEnvironment>().IsDevelopment())
        {
            logger.LogWarning("Teams: no Teams:AppId, so {Route} accepts UNAUTHENTICATED requests from loopback only (Development; for the Agents Playground)", TeamsEndpoint.Route);
        }
        else
        {
            logger.LogInformation("Teams: off (no Teams:AppId), so {Route} rejects every request", TeamsEndpoint.Route);
        }

        app.MapPost(TeamsEndpoint.Route, (HttpContext http, TeamsEndpoint endpoint) => endpoint.HandleAsync(http));
        return app;
    }
}
