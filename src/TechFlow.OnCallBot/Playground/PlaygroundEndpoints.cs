using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCallBot.Playground;

/// <summary>
/// The local chat page at <c>/</c> and its JSON endpoints under <c>/playground/</c>, served only as
/// <see cref="PlaygroundAccess"/> allows: on a loopback-only host with no setup, elsewhere with <c>Playground:Token</c>.
/// </summary>
public static class PlaygroundEndpoints
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("playground.html")
            ?? throw new InvalidOperationException("playground.html is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IServiceCollection AddPlayground(this IServiceCollection services)
    {
        services.AddOptions<PlaygroundOptions>()
            .BindConfiguration(PlaygroundOptions.Section)
            .Validate(o => o.Token is null || o.Token.Trim().Length >= 16, "Playground:Token must be unset or at least 16 characters")
            .ValidateOnStart();
        services.AddSingleton<PlaygroundAccess>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Content(Page.Value, "text/html; charset=utf-8")).AddEndpointFilter(Guard);
        var group = app.MapGroup("/playground").AddEndpointFilter(Guard);
        group.MapGet("/people", (RosterService roster) => Results.Json(
            (IReadOnlyList<Person>)[.. roster.Engineers().Select(e => new Person(e.Id, e.Name, e.Title))],
            PlaygroundJsonContext.Default.IReadOnlyListPerson));
        group.MapPost("/ask", AskAsync);
        group.MapPost("/action", ActAsync);
        group.MapGet("/feed", (IOnCallStore store, RosterService roster, PlaygroundAccess access, int? after) =>
        {
            var since = after ?? 0;
            var items = store.Set<OutboxMessage>()
                .Find(m => m.Seq > since, m => m.Seq, descending: false, limit: 200)
                .Where(m => m.DirectTo is null || access.MayReadDirectMessagesOf(roster.Find(m.DirectTo)))
                .Select(m => new FeedItem(
                    m.Seq.ToString(CultureInfo.InvariantCulture),
                    m.Id,
                    m.Updates,
                    m.Kind,
                    m.DirectTo is null ? "#" + (m.Channel ?? "team channel") : "DM to " + (roster.Find(m.DirectTo)?.Name ?? m.DirectTo),
                    HtmlRenderer.Render(m.Reply, m.Updates ?? m.Id),
                    m.CreatedAt.ToString("O", CultureInfo.InvariantCulture)))
                .ToList();
            return Results.Json((IReadOnlyList<FeedItem>)items, PlaygroundJsonContext.Default.IReadOnlyListFeedItem);
        });
        return app;
    }

    private static async ValueTask<object?> Guard(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<PlaygroundAccess>().Refusal(context.HttpContext) ?? await next(context);

    /// <summary>A 403 when the playground may not act as <paramref name="engineerId"/>; null otherwise.</summary>
    private static IResult? ActingAs(string? engineerId, PlaygroundAccess access, RosterService roster) =>
        access.RefuseActingAs(roster.Find(engineerId)) is { } refusal ? Results.Text(refusal, statusCode: StatusCodes.Status403Forbidden) : null;

    private const string AskBodyHint = "The body must be a JSON object such as {\"text\": \"who is on call\", \"as\": \"alex-chen\"}.";

    private const string ActionBodyHint = "The body must be a JSON object such as {\"actionId\": \"...\", \"value\": \"...\", \"as\": \"alex-chen\"}.";

    /// <summary>Reads the JSON body; null when it is missing or not the expected object (the caller answers 400).</summary>
    private static async Task<T?> ReadBodyAsync<T>(HttpRequest http, JsonTypeInfo<T> type, CancellationToken ct)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(http.Body, type, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<IResult> AskAsync(HttpRequest http, ConversationService conversation, PlaygroundAccess access, RosterService roster, CancellationToken ct)
    {
        if (await ReadBodyAsync(http, PlaygroundJsonContext.Default.AskRequest, ct) is not { } request)
        {
            return Results.BadRequest(AskBodyHint);
        }

        if (request.Text is null)
        {
            return Results.BadRequest("text is required");
        }

        if (ActingAs(request.As, access, roster) is { } refused)
        {
            return refused;
        }

        DateTimeOffset? at = null;
        if (!string.IsNullOrWhiteSpace(request.At))
        {
            if (!DateTimeOffset.TryParse(request.At, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return Results.BadRequest("at must be an ISO-8601 date-time");
            }

            at = parsed;
        }

        var reply = await conversation.AskAsync(new BotInput { FrontEnd = LocalFrontEnds.Playground, EngineerId = request.As, Text = request.Text, At = at }, ct);
        return Results.Json(new ReplyResponse(HtmlRenderer.Render(reply), PlainTextRenderer.Render(reply, LocalFrontEnds.Playground.CommandPrefix), reply.InChannel), PlaygroundJsonContext.Default.ReplyResponse);
    }

    private static async Task<IResult> ActAsync(HttpRequest http, ConversationService conversation, PlaygroundAccess access, RosterService roster, CancellationToken ct)
    {
        if (await ReadBodyAsync(http, PlaygroundJsonContext.Default.ActionRequest, ct) is not { } request)
        {
            return Results.BadRequest(ActionBodyHint);
        }

        if (string.IsNullOrEmpty(request.ActionId))
        {
            return Results.BadRequest("actionId is required");
        }

        if (ActingAs(request.As, access, roster) is { } refused)
        {
            return refused;
        }

        var result = await conversation.ActAsync(new BotInput
        {
            FrontEnd = LocalFrontEnds.Playground,
            EngineerId = request.As,
            ChannelId = request.MessageId,
            Action = new BotAction(request.ActionId, request.Value ?? ""),
        }, ct);
        return Results.Json(
            new ActionResponse(result.Replacement is null ? null : HtmlRenderer.Render(result.Replacement), result.Notice is null ? null : ReplyMarkup.Commands(result.Notice, LocalFrontEnds.Playground.CommandPrefix)),
            PlaygroundJsonContext.Default.ActionResponse);
    }
}
