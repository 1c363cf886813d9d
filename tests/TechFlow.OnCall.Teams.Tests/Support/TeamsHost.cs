using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Teams.Connector;

namespace TechFlow.OnCall.Teams.Tests.Support;

/// <summary>
/// The real host (WebApplicationFactory&lt;Program&gt;) over a temp LiteDB file and a fake clock, trusting the
/// loopback Bot Framework's metadata. The outbox dispatcher loop is removed so tests dispatch by hand.
/// </summary>
public sealed class TeamsHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _storePath = Path.Combine(Path.GetTempPath(), $"teams-{Guid.NewGuid():N}.db");

    public TeamsHost(LoopbackBotFramework bot, string? appId = TestTokens.AppId, string environment = "Development", Action<IServiceCollection>? configure = null, string? tenantId = null)
    {
        Bot = bot;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("Store:Path", _storePath);
            b.UseSetting("Jobs:Enabled", "false");
            b.UseSetting("Teams:AppId", appId ?? "");
            b.UseSetting("Teams:AppPassword", appId is null ? "" : "test-secret");
            b.UseSetting("Teams:OpenIdMetadataUrl", bot.MetadataUrl);
            b.UseSetting("Teams:TenantId", tenantId ?? "");
            b.UseSetting("Teams:EntraMetadataUrl", bot.BaseUrl + "/{tenant}/v2.0/.well-known/openid-configuration");
            b.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Time);
                foreach (var loop in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "OutboxDispatcherService").ToList())
                {
                    services.Remove(loop);
                }

                services.RemoveAll<IConnectorTokenSource>();
                services.AddSingleton<IConnectorTokenSource>(new FixedTokenSource(appId is null ? null : "test-bot-token"));
                configure?.Invoke(services);
            });
        });
    }

    public LoopbackBotFramework Bot { get; }

    public FakeTimeProvider Time { get; } = new(Now);

    public IServiceProvider Services => _factory.Services;

    public HttpClient CreateClient() => _factory.CreateClient();

    /// <summary>Posts <paramref name="activity"/> to /api/messages with <paramref name="token"/> (none when null).</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(JsonObject activity, string? token)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>A valid token for the loopback connector's service URL.</summary>
    public string Token() => TestTokens.Create(Bot.TeamsKey, Time.GetUtcNow(), Bot.ServiceUrl);

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        foreach (var file in new[] { _storePath, _storePath.Replace(".db", "-log.db", StringComparison.Ordinal) })
        {
            File.Delete(file);
        }
    }

    private sealed class FixedTokenSource(string? token) : IConnectorTokenSource
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
    }
}
