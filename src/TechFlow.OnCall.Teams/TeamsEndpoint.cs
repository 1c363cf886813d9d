using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Teams.Activities;
using TechFlow.OnCall.Teams.Auth;
using TechFlow.OnCall.Teams.Bot;

namespace TechFlow.OnCall.Teams;

/// <summary>
/// <c>POST /api/messages</c>: reads the activity, authenticates the request, and hands it to <see cref="TeamsBot"/>.
/// With an app id every request needs a valid Bot Framework token; without one, only loopback requests in the
/// Development environment are served (the Agents Playground sends no token).
/// </summary>
public sealed class TeamsEndpoint(
    TeamsBot bot,
    BotTokenValidator validator,
    IOptions<TeamsOptions> options,
    IWebHostEnvironment environment,
    ILogger<TeamsEndpoint> logger)
{
    public const string Route = "/api/messages";

    /// <summary>Whether requests without a token are served (no app id, Development).</summary>
    public bool AllowsAnonymousLoopback => !options.Value.HasAppId && environment.IsDevelopment();

    public async Task HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(http.Request.Body, TeamsJsonContext.Default.Activity, ct);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or invalid UTF-8 inside it: no activity (401 without a valid token, else 400).
            activity = null;
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException)
        {
            logger.LogWarning("Gave up reading a Teams request: {Reason}", ex.Message);
            http.Response.StatusCode = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            return;
        }

        if (!await AuthenticateAsync(http, activity, ct))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (activity is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        BotResponse response;
        try
        {
            response = await bot.HandleAsync(activity, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Handling a Teams {Type} activity failed", activity.Type);
            response = new BotResponse(500);
        }

        http.Response.StatusCode = response.Status;
        if (response.Body is { } body)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(body.ToJsonString(TeamsJson.Options), ct);
        }
    }

    private async Task<bool> AuthenticateAsync(HttpContext http, Activity? activity, CancellationToken ct)
    {
        if (!options.Value.HasAppId)
        {
            var remote = http.Connection.RemoteIpAddress;
            return AllowsAnonymousLoopback && remote is not null && IPAddress.IsLoopback(remote);
        }

        var check = await validator.ValidateAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null,
            activity?.ChannelId, activity?.ServiceUrl, ct);
        if (!check.IsValid)
        {
            logger.LogWarning("Rejected a Teams request: {Reason}", check.Failure);
        }

        return check.IsValid && activity is not null;
    }
}
