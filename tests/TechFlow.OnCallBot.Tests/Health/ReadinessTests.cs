using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Teams.Connector;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCallBot.Tests.Health;

public sealed class ReadinessTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Ready_AFreshHost_OkWithEveryCheck()
    {
        await using var app = new OnCallApp(Monday);
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("healthy", text, StringComparison.Ordinal);
        Assert.Contains($"store: healthy, {app.StorePath}, schema 1", text, StringComparison.Ordinal);
        Assert.Contains("outbox: healthy, 0 waiting", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_StoreLockedAwayByAStuckUnitOfWork_ServiceUnavailableUntilItEnds()
    {
        await using var app = new OnCallApp(Monday, new Dictionary<string, string?> { ["Health:StoreTimeout"] = "00:00:00.2" });
        using var client = app.CreateClient();
        var store = app.Services.GetRequiredService<IOnCallStore>();
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var stuck = Task.Run(() => store.Write(_ =>
        {
            holding.Set();
            release.Wait(TimeSpan.FromSeconds(30));
        }));
        holding.Wait(TimeSpan.FromSeconds(10));

        var locked = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        release.Set();
        await stuck;
        var freed = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
        Assert.Contains("store: unhealthy, a unit of work has held the write lock for more than 0.2 s", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, freed.StatusCode);
    }

    [Fact]
    public async Task Ready_TeamsPasswordRefused_ServiceUnavailableWithTheReason()
    {
        var tokens = Substitute.For<IConnectorTokenSource>();
        tokens.GetTokenAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("AADSTS7000215: Invalid client secret provided.\nTrace ID: 1"));
        await using var app = new OnCallApp(
            Monday,
            new Dictionary<string, string?> { ["Teams:AppId"] = "00000000-0000-0000-0000-000000000001", ["Teams:AppPassword"] = "expired-password" },
            services =>
            {
                services.RemoveAll<IConnectorTokenSource>();
                services.AddSingleton(tokens);
            });
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("teams: unhealthy, no Bot Connector token: AADSTS7000215: Invalid client secret provided.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_APageLeftUnescalated_CountsItOpenAndItsStepLate()
    {
        await using var app = new OnCallApp(Monday);
        using var client = app.CreateClient();
        await client.PostAsJsonAsync(new Uri("/playground/ask", UriKind.Relative), new { @as = "alex-chen", text = "/oncall page aggregate profit numbers are late" });

        var before = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        app.Time.Advance(TimeSpan.FromHours(1));
        var after = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("oncall_pages_open{level=\"1\",status=\"open\"} 1", before, StringComparison.Ordinal);
        Assert.Contains("oncall_escalation_steps_late 0", before, StringComparison.Ordinal);
        Assert.Contains("oncall_escalation_steps_late 1", after, StringComparison.Ordinal);
        Assert.Contains("oncall_http_request_duration_seconds_count{route=\"/playground/ask\",method=\"POST\",code=\"200\"} 1", after, StringComparison.Ordinal);
        Assert.Contains("oncall_store_schema_version 1", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_CalendarRequests_LabelledByTemplateNeverByTheSecretPath()
    {
        await using var app = new OnCallApp(Monday);
        using var client = app.CreateClient();
        await client.GetAsync(new Uri("/calendar/lisa-wang/secret-token-in-the-path.ics", UriKind.Relative));

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("route=\"/calendar/{engineerId}/{token}.ics\",method=\"GET\",code=\"404\"", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-in-the-path", metrics, StringComparison.Ordinal);
    }
}
