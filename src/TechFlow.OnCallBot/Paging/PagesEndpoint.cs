using System.Text.Json;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCallBot.Security;

namespace TechFlow.OnCallBot.Paging;

/// <summary>POST /api/pages: monitors (Airflow callbacks, Grafana alerts) open a page with a shared secret.</summary>
public static class PagesEndpoint
{
    public const string Route = "/api/pages";
    private const int MaxSourceLength = 64;

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        IOptions<PagingOptions> options,
        PipelineCatalog pipelines,
        PageService pages,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var secret = options.Value.ApiSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return Results.NotFound();
        }

        if (!Authorized(request.Headers.Authorization.ToString(), secret))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Error("A valid Authorization: Bearer <secret> header is required.", StatusCodes.Status401Unauthorized);
        }

        PageApiRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, PagingJsonContext.Default.PageApiRequest, cancellationToken);
        }
        catch (JsonException)
        {
            return Error("The body must be JSON: {\"pipeline\": \"…\", \"message\": \"…\", \"source\": \"…\"}.", StatusCodes.Status400BadRequest);
        }

        var pipelineText = body?.Pipeline?.Trim() ?? "";
        var message = body?.Message?.Trim() ?? "";
        var source = string.IsNullOrWhiteSpace(body?.Source) ? "api" : body.Source.Trim();
        if (pipelineText.Length == 0 || message.Length == 0)
        {
            return Error("Both pipeline and message are required.", StatusCodes.Status400BadRequest);
        }

        if (message.Length > PagingTargets.MaxMessageLength || source.Length > MaxSourceLength)
        {
            return Error($"message must be at most {PagingTargets.MaxMessageLength} characters and source at most {MaxSourceLength}.", StatusCodes.Status400BadRequest);
        }

        var match = pipelines.Match(pipelineText);
        if (match is not PipelineMatch.Found { Rest.Length: 0 } found)
        {
            var suggestions = match switch
            {
                PipelineMatch.NotFound n => n.Suggestions,
                PipelineMatch.Ambiguous a => a.Candidates,
                _ => pipelines.All,
            };
            return Results.Json(
                new PageApiError($"Unknown pipeline \"{pipelineText}\".", [.. suggestions.Select(p => p.Id)]),
                PagingJsonContext.Default.PageApiError,
                statusCode: StatusCodes.Status404NotFound);
        }

        var opened = pages.Open(found.Pipeline, message, "api", source, time.GetUtcNow());
        var response = new PageApiResponse(opened.Page.Id, opened.Joined ? "joined" : "opened", found.Pipeline.Id, opened.Page.JoinCount + 1);
        return Results.Json(response, PagingJsonContext.Default.PageApiResponse, statusCode: opened.Joined ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
    }

    /// <summary>Compares the bearer token with the secret in constant time (both hashed first, so length leaks nothing).</summary>
    internal static bool Authorized(string header, string secret) => Secrets.Matches(Secrets.Bearer(header), secret);

    private static IResult Error(string message, int status) =>
        Results.Json(new PageApiError(message, []), PagingJsonContext.Default.PageApiError, statusCode: status);
}
