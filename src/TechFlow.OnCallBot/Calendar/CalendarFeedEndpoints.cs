using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCallBot.Calendar;

/// <summary>
/// The iCalendar feeds behind secret addresses: <c>GET /calendar/{engineerId}/{token}.ics</c> and
/// <c>GET /calendar/team/{token}.ics</c>. A wrong or missing token, an unknown engineer and the old token-less
/// addresses all answer 404 alike.
/// </summary>
public static class CalendarFeedEndpoints
{
    public static IServiceCollection AddCalendarFeeds(this IServiceCollection services)
    {
        services.AddOptions<CalendarFeedOptions>()
            .BindConfiguration(CalendarFeedOptions.Section)
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
                "CalendarFeeds:PublicBaseUrl must be an absolute http(s) URL")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CalendarFeedOptions>>().Value);
        services.AddSingleton<CalendarFeedTokens>();
        services.AddSingleton<ICommandHandler, CalendarHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/calendar/team/{token}.ics", (string token, CalendarFeedTokens tokens, ScheduleFeed feed) =>
            tokens.Verify(CalendarFeedTokens.Team, token) ? Calendar(feed.Team()) : Results.NotFound());
        endpoints.MapGet("/calendar/{engineerId}/{token}.ics", (string engineerId, string token, CalendarFeedTokens tokens, ScheduleFeed feed) =>
            tokens.Verify(CalendarFeedTokens.Engineer(engineerId), token) && feed.ForEngineer(engineerId) is { } ics
                ? Calendar(ics)
                : Results.NotFound());
        return endpoints;
    }

    private static IResult Calendar(string ics) => Results.Text(ics, ScheduleFeed.ContentType);
}
