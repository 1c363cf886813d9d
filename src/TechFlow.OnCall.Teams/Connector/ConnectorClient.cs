using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TechFlow.OnCall.Teams.Activities;
using TechFlow.OnCall.Teams.Auth;

namespace TechFlow.OnCall.Teams.Connector;

/// <summary>
/// Calls the Bot Connector REST API at a conversation's <c>serviceUrl</c> with a bot token, through an HTTP
/// pipeline that retries only GET and PUT and gives up after <see cref="TeamsOptions.ConnectorTimeout"/> (a timeout
/// becomes an <see cref="HttpRequestException"/>). Without an app id
/// it talks only to loopback service URLs (the local Agents Playground), never sending anything unauthenticated
/// elsewhere.
/// </summary>
/// <remarks>
/// The bot token is awaited for at most <see cref="TeamsOptions.TokenTimeout"/>; a token endpoint that hangs or
/// fails becomes a <see cref="ConnectorTokenException"/>, and then nothing was sent.
/// </remarks>
public sealed class ConnectorClient(HttpClient http, IConnectorTokenSource tokens, IOptions<TeamsOptions> options, TimeProvider time)
{
    /// <summary>Replies in the thread of <paramref name="replyToId"/>.</summary>
    public Task<ConnectorResult> ReplyAsync(string serviceUrl, string conversationId, string replyToId, JsonObject activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(replyToId)}", activity, ct);

    /// <summary>Posts a new message to a conversation.</summary>
    public Task<ConnectorResult> PostAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", activity, ct);

    /// <summary>Replaces a message the bot sent earlier.</summary>
    public Task<ConnectorResult> UpdateAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", activity, ct);

    /// <summary>Creates (or finds) the 1:1 chat between the bot and a user; the result's <c>id</c> is the conversation.</summary>
    public Task<ConnectorResult> CreatePersonalConversationAsync(string serviceUrl, string botId, string userId, string? tenantId, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["isGroup"] = false,
        };
        if (tenantId is not null)
        {
            body["tenantId"] = tenantId;
            body["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        }

        return SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", body, ct);
    }

    /// <summary>One member of a conversation (carries <c>email</c> and <c>userPrincipalName</c> in Teams).</summary>
    public Task<ConnectorResult> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members/{Uri.EscapeDataString(userId)}", null, ct);

    private async Task<ConnectorResult> SendAsync(HttpMethod method, string serviceUrl, string path, JsonObject? body, CancellationToken ct)
    {
        var token = await TokenAsync(ct);
        if (token is null && !BotTokenValidator.IsLoopback(serviceUrl))
        {
            throw new InvalidOperationException("Teams:AppId is not set, so the bot only talks to a loopback connector (the Agents Playground).");
        }

        using var request = new HttpRequestMessage(method, new Uri(new Uri(serviceUrl.TrimEnd('/') + "/"), path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(TeamsJson.Options), Encoding.UTF8, "application/json");
        }

        using var response = await SendOnceAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonNode? node = null;
        if (text.Length > 0)
        {
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                node = JsonValue.Create(text);
            }
        }

        var retryAfter = response.Headers.RetryAfter?.Delta;
        return new ConnectorResult(response.StatusCode, node, retryAfter);
    }

    private async Task<string?> TokenAsync(CancellationToken ct)
    {
        var limit = options.Value.TokenTimeout;
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            // WaitAsync: give up on time even if the token source ignores cancellation.
            return await tokens.GetTokenAsync(linked.Token).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new ConnectorTokenException($"no bot token within {limit.TotalSeconds:0.#} s", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ConnectorTokenException)
        {
            throw new ConnectorTokenException($"the token endpoint failed: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (Polly.Timeout.TimeoutRejectedException ex)
        {
            throw new HttpRequestException($"the Bot Connector did not answer {request.Method} {request.RequestUri?.AbsolutePath} in time", ex);
        }
    }
}
