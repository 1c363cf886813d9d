using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Inbound;
using TechFlow.OnCall.Slack;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Commands;
using TechFlow.OnCall.Slack.Delivery;
using TechFlow.OnCall.Slack.Events;
using TechFlow.OnCall.Slack.Home;
using TechFlow.OnCall.Slack.Identity;
using TechFlow.OnCall.Slack.Inbound;
using TechFlow.OnCall.Slack.Interactions;
using TechFlow.OnCall.Slack.Modals;
using TechFlow.OnCall.Slack.OnCallSync;
using TechFlow.OnCall.Slack.SocketMode;

namespace TechFlow.OnCallBot.Extensions;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// The Slack app: signed inbound routes (on when Slack:SigningSecret is set), the Web API client (reads retried),
    /// and the <c>slack</c> outbox sink (on when Slack:BotToken is set).
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.Section))
            .Validate(o => o.SigningSecret is null || o.SigningSecret.Trim().Length > 0, "Slack:SigningSecret is set but empty; remove it to turn Slack off")
            .Validate(o => o.AppToken is null || o.AppToken.StartsWith("xapp-", StringComparison.Ordinal),
                "Slack:AppToken must be an app-level token (xapp-…) with connections:write; remove it to use the HTTP request URLs")
            .Validate(o => o.AppToken is null || !string.IsNullOrEmpty(o.BotToken), "Slack:AppToken (Socket Mode) needs Slack:BotToken too, to answer")
            .Validate(o => o.SocketConnections is >= 1 and <= 10, "Slack:SocketConnections must be 1 to 10 (Slack allows 10)")
            .Validate(o => o.SocketKeepAlive >= TimeSpan.FromMilliseconds(100) && o.SocketMaxBackoff >= TimeSpan.FromSeconds(1),
                "Slack:SocketKeepAlive must be at least 100 ms and Slack:SocketMaxBackoff at least 1 s")
            .Validate(o => o.BotToken is null || o.BotToken.Trim().Length > 0, "Slack:BotToken is set but empty; remove it to turn Slack off")
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
                "Slack:ApiBaseUrl must be an absolute http(s) URL")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "Slack:RequestTimeout must be positive")
            .Validate(o => o.MaxRequestBytes > 0, "Slack:MaxRequestBytes must be positive")
            .Validate(o => o.InlineAnswerBudget > TimeSpan.Zero && o.InlineAnswerBudget < TimeSpan.FromSeconds(3),
                "Slack:InlineAnswerBudget must be under Slack's 3 seconds")
            .ValidateOnStart();

        // Reads are retried by the pipeline; posts, updates and opens only by the outbox (OutboundHttpExtensions).
        services.AddHttpClient(SlackApiClient.HttpClientName)
            .AddOutboundResilience(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SlackOptions>>().Value.RequestTimeout);
        services.AddSingleton<ISlackApiClient, SlackApiClient>();

        services.AddSingleton<SlackSignatureVerifier>();
        services.AddSingleton<SlackRequestReader>();
        services.AddSingleton<SlackBackgroundWork>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackBackgroundWork>());
        services.AddInboundWork();
        services.AddSingleton<SlackEventWork>();
        services.AddSingleton<IInboundWorkProcessor>(sp => sp.GetRequiredService<SlackEventWork>());
        services.AddSingleton<SlackActionWork>();
        services.AddSingleton<IInboundWorkProcessor>(sp => sp.GetRequiredService<SlackActionWork>());
        services.AddSingleton<SlackInbound>();
        services.AddSingleton<SlackIdentityResolver>();
        services.AddSingleton<SlashCommandDispatcher>();
        services.AddSingleton<SlashAnswerMemo>();
        services.AddSingleton<SlackInteractionDispatcher>();
        services.AddSingleton<SlackEventDispatcher>();
        services.AddSingleton<SocketModeEnvelopeHandler>();
        services.AddSingleton<SocketModeService>();
        services.AddHostedService(sp => sp.GetRequiredService<SocketModeService>());
        services.AddSingleton<SlackCommandEndpoint>();
        services.AddSingleton<SlackInteractionEndpoint>();
        services.AddSingleton<SlackEventEndpoint>();

        // Handlers per slash command, block action and event, in one readable block.
        services.AddSingleton<ISlashCommandHandler, OnCallCommandHandler>();
        services.AddSingleton<IBlockActionHandler, ConversationActionHandler>();
        services.AddSingleton<IBlockActionHandler, ModalButtonHandler>();
        services.AddSingleton<IBlockActionHandler, TimeOffPreviewHandler>();
        services.AddSingleton<IEventCallbackHandler, QuestionCallbackHandler>();
        services.AddSingleton<IEventCallbackHandler, AppHomeOpenedHandler>();

        // Forms (modals): opened from /oncall swap|timeoff|page, shortcuts and Home buttons; answered by callback id.
        services.AddSingleton<SwapModal>();
        services.AddSingleton<TimeOffModal>();
        services.AddSingleton<PageModal>();
        services.AddSingleton<IViewSubmissionHandler>(sp => sp.GetRequiredService<SwapModal>());
        services.AddSingleton<IViewSubmissionHandler>(sp => sp.GetRequiredService<TimeOffModal>());
        services.AddSingleton<IViewSubmissionHandler>(sp => sp.GetRequiredService<PageModal>());
        services.AddSingleton<ModalOpener>();
        services.AddSingleton<ShortcutHandler>();

        // The Home tab: published on app_home_opened and again (debounced) after relevant commits.
        services.AddSingleton<HomeTab>();
        services.AddSingleton<HomeTabPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<HomeTabPublisher>());

        services.AddSingleton<IChatDelivery, SlackChatDelivery>();
        services.AddSingleton<IDueWork, SlackOnCallSync>();
        return services;
    }

    /// <summary>POST /slack/commands, /slack/interactions, /slack/events (404 while Slack:SigningSecret is unset).</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/slack");
        slack.MapPost("/commands", (HttpContext context, SlackCommandEndpoint endpoint) => endpoint.HandleAsync(context));
        slack.MapPost("/interactions", (HttpContext context, SlackInteractionEndpoint endpoint) => endpoint.HandleAsync(context));
        slack.MapPost("/events", (HttpContext context, SlackEventEndpoint endpoint) => endpoint.HandleAsync(context));
        return app;
    }
}
