using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace TechFlow.OnCall.Teams.Tests.Support;

/// <summary>
/// A loopback stand-in for the Bot Framework: an OpenID metadata document and JWKS (with endorsements) for test
/// RSA keys, and a fake Bot Connector that records every call. Kestrel on 127.0.0.1, a random port.
/// </summary>
public sealed class LoopbackBotFramework : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private int _nextId;
    private int _metadataFetches;
    private bool _rotated;

    private LoopbackBotFramework(WebApplication app) => _app = app;

    /// <summary>Published, endorsed for <c>msteams</c>.</summary>
    public RsaSecurityKey TeamsKey { get; } = NewKey("teams-key");

    /// <summary>Published, endorsed only for <c>webchat</c>.</summary>
    public RsaSecurityKey WebChatKey { get; } = NewKey("webchat-key");

    /// <summary>Published only in the tenant's Entra key set (no endorsements there).</summary>
    public RsaSecurityKey TenantKey { get; } = NewKey("tenant-key");

    /// <summary>Published, endorsed for <c>msteams</c>, only after <see cref="PublishRotatedKey"/> (a key rotation).</summary>
    public RsaSecurityKey RotatedKey { get; } = NewKey("rotated-key");

    /// <summary>How many times the Bot Framework OpenID metadata document was fetched.</summary>
    public int MetadataFetches => Volatile.Read(ref _metadataFetches);

    /// <summary>Adds <see cref="RotatedKey"/> to the published key set, as Bot Framework does when it rotates keys.</summary>
    public void PublishRotatedKey() => Volatile.Write(ref _rotated, true);

    /// <summary>Never published.</summary>
    public RsaSecurityKey UnknownKey { get; } = NewKey("unknown-key");

    public string BaseUrl { get; private set; } = "";

    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    /// <summary>The serviceUrl to put in activities: the fake connector.</summary>
    public string ServiceUrl => BaseUrl + "/connector/";

    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    /// <summary>Forgets recorded calls and queued statuses (between tests sharing one fake).</summary>
    public void Reset()
    {
        _calls.Clear();
        NextStatuses.Clear();
        NextDelays.Clear();
        Member = null;
    }

    /// <summary>Status codes the connector answers with next (then 201/200 again).</summary>
    public ConcurrentQueue<int> NextStatuses { get; } = new();

    /// <summary>How long the connector holds its next answers (then answers at once again).</summary>
    public ConcurrentQueue<TimeSpan> NextDelays { get; } = new();

    /// <summary>What <c>GET …/members/{id}</c> returns; null answers 404.</summary>
    public JsonObject? Member { get; set; }

    public static async Task<LoopbackBotFramework> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new LoopbackBotFramework(app);
        fake.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.TrimEnd('/');
        return fake;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Interlocked.Increment(ref _metadataFetches) > 0 ? Results.Text(new JsonObject
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.example/authorize",
            ["jwks_uri"] = BaseUrl + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }.ToJsonString(), "application/json") : Results.StatusCode(500));
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Text(new JsonObject
        {
            ["issuer"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
            ["authorization_endpoint"] = "https://invalid.example/authorize",
            ["jwks_uri"] = BaseUrl + $"/{tenant}/discovery/v2.0/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }.ToJsonString(), "application/json"));
        app.MapGet("/{tenant}/discovery/v2.0/keys", () => Results.Text(new JsonObject
        {
            ["keys"] = new JsonArray(Jwk(TenantKey)),
        }.ToJsonString(), "application/json"));
        app.MapGet("/v1/.well-known/keys", () => Results.Text(new JsonObject
        {
            ["keys"] = Volatile.Read(ref _rotated)
                ? new JsonArray(Jwk(TeamsKey, "msteams", "emulator"), Jwk(WebChatKey, "webchat"), Jwk(RotatedKey, "msteams"))
                : new JsonArray(Jwk(TeamsKey, "msteams", "emulator"), Jwk(WebChatKey, "webchat")),
        }.ToJsonString(), "application/json"));
        app.Map("/connector/{**rest}", async (HttpContext http, string rest) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            _calls.Enqueue(new ConnectorCall(http.Request.Method, "/" + rest, http.Request.Headers.Authorization.ToString(),
                body.Length == 0 ? null : JsonNode.Parse(body)));
            if (NextDelays.TryDequeue(out var delay))
            {
                await Task.Delay(delay, CancellationToken.None);
            }

            if (NextStatuses.TryDequeue(out var status))
            {
                http.Response.Headers.RetryAfter = "7";
                return Results.StatusCode(status);
            }

            if (http.Request.Method == "GET")
            {
                return Member is null ? Results.NotFound() : Results.Text(Member.ToJsonString(), "application/json");
            }

            var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return rest == "v3/conversations"
                ? Results.Text(new JsonObject { ["id"] = "a:personal-" + id, ["activityId"] = id }.ToJsonString(), "application/json", statusCode: 201)
                : Results.Text(new JsonObject { ["id"] = "activity-" + id }.ToJsonString(), "application/json", statusCode: 201);
        });
    }

    private static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    private static JsonObject Jwk(RsaSecurityKey key, params string[] endorsements)
    {
        var jwk = JwkCore(key, endorsements);
        if (endorsements.Length == 0)
        {
            jwk.Remove("endorsements");
        }

        return jwk;
    }

    private static JsonObject JwkCore(RsaSecurityKey key, string[] endorsements)
    {
        var p = key.Rsa.ExportParameters(false);
        var endorsed = new JsonArray();
        foreach (var e in endorsements)
        {
            endorsed.Add(e);
        }

        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = endorsed,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        TeamsKey.Rsa.Dispose();
        WebChatKey.Rsa.Dispose();
        UnknownKey.Rsa.Dispose();
        RotatedKey.Rsa.Dispose();
        TenantKey.Rsa.Dispose();
    }
}
