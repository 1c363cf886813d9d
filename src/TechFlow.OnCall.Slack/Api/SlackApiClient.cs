using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace TechFlow.OnCall.Slack.Api;

/// <summary>
/// The Web API over a named <see cref="HttpClient"/>. Its pipeline retries only reads (GET) on server errors and
/// timeouts; a POST (post, update, open, …) gets one attempt, and a 429 is never waited out inside a call: it
/// becomes a <see cref="SlackRateLimitException"/> for the caller (the outbox parks that destination). What fails
/// becomes a <see cref="SlackApiException"/>.
/// </summary>
public sealed class SlackApiClient : ISlackApiClient
{
    /// <summary>The named <see cref="HttpClient"/> (with its resilience handler) the client sends through.</summary>
    public const string HttpClientName = "slack";

    private readonly IHttpClientFactory _http;
    private readonly IOptions<SlackOptions> _options;

    public SlackApiClient(IHttpClientFactory http, IOptions<SlackOptions> options)
    {
        _http = http;
        _options = options;
        var groups = new SlackApiGroups(this);
        Chat = groups;
        Conversations = groups;
        Users = groups;
        UserGroups = groups;
        Views = groups;
        Apps = new AppsApi(this);
    }

    public IChatApi Chat { get; }
    public IConversationsApi Conversations { get; }
    public IUsersApi Users { get; }
    public IUserGroupsApi UserGroups { get; }
    public IViewsApi Views { get; }
    public IAppsApi Apps { get; }

    public async Task<JsonElement> PostAsync(string method, JsonObject args, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri(method))
        {
            Content = new StringContent(args.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, cancellationToken);
    }

    public async Task<JsonElement> GetAsync(string method, IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken)
    {
        var query = string.Join('&', args.Select(a => $"{Uri.EscapeDataString(a.Key)}={Uri.EscapeDataString(a.Value)}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(MethodUri(method) + (query.Length > 0 ? "?" + query : "")));
        return await SendAsync(request, cancellationToken);
    }

    public async Task RespondAsync(string responseUrl, JsonObject message, CancellationToken cancellationToken)
    {
        if (!IsTrustedResponseUrl(responseUrl))
        {
            throw new SlackApiException("untrusted_response_url");
        }

        using var content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Call(() => _http.CreateClient(HttpClientName).PostAsync(new Uri(responseUrl), content, cancellationToken));
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response);
        }
    }

    /// <summary>
    /// A response_url must point at Slack (https, *.slack.com or *.slack-gov.com) or at the configured API host,
    /// so a forged payload cannot make the bot post elsewhere.
    /// </summary>
    public bool IsTrustedResponseUrl(string responseUrl)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (Uri.TryCreate(_options.Value.ApiBaseUrl, UriKind.Absolute, out var api)
            && uri.Scheme == api.Scheme && uri.Host == api.Host && uri.Port == api.Port)
        {
            return true;
        }

        return uri.Scheme == Uri.UriSchemeHttps
            && (uri.Host is "slack.com" or "slack-gov.com"
                || uri.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase)
                || uri.Host.EndsWith(".slack-gov.com", StringComparison.OrdinalIgnoreCase));
    }

    private Uri MethodUri(string method)
    {
        var baseUrl = _options.Value.ApiBaseUrl;
        return new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), method);
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, string? token = null)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? _options.Value.BotToken);
        using var response = await Call(() => _http.CreateClient(HttpClientName).SendAsync(request, cancellationToken));
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response);
        }

        JsonElement body;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new SlackApiException("invalid_response", ex);
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
        {
            var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString()! : "unknown_error";
            throw new SlackApiException(error);
        }

        return body;
    }

    private static async Task<HttpResponseMessage> Call(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException ex)
        {
            throw new SlackApiException("network_error", ex);
        }
        catch (TaskCanceledException ex) when (ex.InnerException is TimeoutException)
        {
            throw new SlackApiException("timeout", ex);
        }
        catch (Polly.Timeout.TimeoutRejectedException ex)
        {
            throw new SlackApiException("timeout", ex);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException ex)
        {
            throw new SlackApiException("http_503", ex);
        }
    }

    private static SlackApiException Failure(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var after = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            return new SlackRateLimitException(after);
        }

        return new SlackApiException($"http_{(int)response.StatusCode}");
    }

    /// <summary><c>apps.*</c>: the same pipeline, with the app-level token in the Authorization header.</summary>
    private sealed class AppsApi(SlackApiClient client) : IAppsApi
    {
        public async Task<Uri> ConnectionsOpenAsync(CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, client.MethodUri("apps.connections.open"))
            {
                Content = new StringContent("", Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            var result = await client.SendAsync(request, cancellationToken, client._options.Value.AppToken ?? "");
            return result.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
                && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) && (uri.Scheme is "wss" or "ws")
                ? uri
                : throw new SlackApiException("invalid_response");
        }
    }
}
