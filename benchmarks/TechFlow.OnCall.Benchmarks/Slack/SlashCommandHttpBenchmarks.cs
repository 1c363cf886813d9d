using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TechFlow.OnCall.Benchmarks.Lookup;
using TechFlow.OnCall.Slack.Inbound;
using TechFlow.OnCallBot.Extensions;

namespace TechFlow.OnCall.Benchmarks.Slack;

/// <summary>
/// One signed <c>POST /slack/commands</c> through the whole host in process: the middleware, routing, the signature
/// check, the form, the dispatcher, the conversation, Block Kit and the JSON written to the response body. The
/// request goes straight into the server (<c>TestServer.SendAsync</c>), so no HTTP client is measured; sockets and
/// Kestrel's parser are not either.
/// </summary>
[MemoryDiagnoser]
public class SlashCommandHttpBenchmarks : IDisposable
{
    private const string Secret = "benchmark-signing-secret";
    private BenchHost? _host;
    private TestServer? _server;
    private byte[] _lookupBody = [];
    private byte[] _nowBody = [];
    private string _timestamp = "";
    private string _lookupSignature = "";
    private string _nowSignature = "";

    [GlobalSetup]
    public void Setup()
    {
        // The factory would look for the host's project folder; the build output holds its settings, seed and runbooks.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TECHFLOW_ONCALLBOT", AppContext.BaseDirectory);
        _host = new BenchHost();
        _server = _host.Server;
        _timestamp = LookupScenario.Monday.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _lookupBody = Body("aggregate profit");
        _nowBody = Body("");
        _lookupSignature = SlackSignatureVerifier.Sign(Secret, _timestamp, _lookupBody);
        _nowSignature = SlackSignatureVerifier.Sign(Secret, _timestamp, _nowBody);
        if (Send(_lookupBody, _lookupSignature) != 200)
        {
            throw new InvalidOperationException("The host did not answer the signed slash command with 200.");
        }
    }

    [Benchmark(Description = "POST /slack/commands /oncall aggregate profit")]
    public int AggregateProfit() => Send(_lookupBody, _lookupSignature);

    [Benchmark(Description = "POST /slack/commands /oncall")]
    public int OnCallNow() => Send(_nowBody, _nowSignature);

    [GlobalCleanup]
    public void Dispose()
    {
        _host?.Dispose();
        GC.SuppressFinalize(this);
    }

    private int Send(byte[] body, string signature)
    {
        var context = _server!.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/slack/commands";
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.ContentLength = body.Length;
            c.Request.Headers["X-Slack-Request-Timestamp"] = _timestamp;
            c.Request.Headers["X-Slack-Signature"] = signature;
            c.Request.Body = new MemoryStream(body, writable: false);
        }).GetAwaiter().GetResult();
        return context.Response.StatusCode;
    }

    /// <summary>A slash command form as the load benchmark sends it (a user who is not on the roster).</summary>
    private static byte[] Body(string text) => Encoding.UTF8.GetBytes(
        "token=deprecated-verification-token&team_id=T0BENCH&team_domain=techflow&channel_id=C0BENCH&channel_name=oncall"
        + "&user_id=U0BENCH&user_name=bench&command=%2Foncall&text=" + Uri.EscapeDataString(text)
        + "&api_app_id=A0BENCH&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fcommands%2FT0BENCH%2F1%2Fbench&trigger_id=1.2.bench");

    /// <summary>The real host on an in-memory store seeded with the TechFlow team, its clock stopped at <see cref="LookupScenario.Monday"/>.</summary>
    private sealed class BenchHost : WebApplicationFactory<StoreOptions>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Store:Path", ":memory:");
            builder.UseSetting("Store:Seed", "techflow");
            builder.UseSetting("Slack:SigningSecret", Secret);
            builder.UseSetting("Jobs:Enabled", "false");
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new StoppedClock(LookupScenario.Monday));
            });
        }
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
