using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests;

/// <summary>What an operator sees at /metrics and /healthz/ready while the real host talks to a loopback fake Slack.</summary>
public sealed partial class SlackObservabilityEndToEndTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task Metrics_SlackRateLimitsThenRecovers_BacklogRisesThenFalls()
    {
        var limited = true;
        _slack.Responder = (call, _) => call.Method == "chat.postMessage" && Volatile.Read(ref limited) ? 429 : null;
        using var host = new SlackHost(_slack, time: null, new Dictionary<string, string?> { ["Health:MaxOutboxAge"] = "00:00:02" });
        using var client = host.CreateClient();
        var outbox = host.Services.GetRequiredService<Outbox>();
        Assert.Equal(0, Pending(await ScrapeAsync(client)));

        for (var i = 1; i <= 5; i++)
        {
            outbox.Enqueue(new OutboxMessage { Id = $"burst:{i}", Kind = "test", Reply = Reply.Info($"message {i}") });
        }

        Assert.True(await _slack.WaitForAsync(s => s.Calls.Count(c => c.Method == "chat.postMessage" && c.Status == 429) >= 2));
        var during = await ScrapeAsync(client);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var readyText = await ready.Content.ReadAsStringAsync();

        Volatile.Write(ref limited, false);
        string after = "";
        Assert.True(await _slack.WaitForAsync(_ =>
        {
            after = ScrapeAsync(client).GetAwaiter().GetResult();
            return Pending(after) == 0;
        }), after);
        var recovered = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(5, Pending(during));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("outbox: unhealthy, the oldest message to slack channel:default has waited", readyText, StringComparison.Ordinal);
        Assert.Equal(5, _slack.Succeeded("chat.postMessage").Count);
        Assert.Contains("oncall_outbox_oldest_pending_age_seconds{sink=\"slack\",destination=\"channel:default\"} 0", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task Ready_SlackSaysInvalidAuth_ServiceUnavailableWithTheReason_ThenRecovers()
    {
        var revoked = true;
        _slack.SlackError = call => call.Method == "auth.test" && Volatile.Read(ref revoked) ? "invalid_auth" : null;
        using var host = new SlackHost(_slack, time: null, new Dictionary<string, string?> { ["Health:PlatformCheckInterval"] = "00:00:00" });
        using var client = host.CreateClient();

        var refused = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var text = await refused.Content.ReadAsStringAsync();
        Volatile.Write(ref revoked, false);
        var accepted = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("slack: unhealthy, auth.test says invalid_auth", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains(_slack.Calls, c => c.Method == "auth.test" && c.Authorization == "Bearer xoxb-test-token");
    }

    private static async Task<string> ScrapeAsync(HttpClient client) =>
        await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    private static int Pending(string metrics)
    {
        var match = PendingLine().Match(metrics);
        return match.Success ? (int)double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex("""^oncall_outbox_pending\{sink="slack",destination="channel:default"\} (\S+)$""", RegexOptions.Multiline)]
    private static partial Regex PendingLine();
}
