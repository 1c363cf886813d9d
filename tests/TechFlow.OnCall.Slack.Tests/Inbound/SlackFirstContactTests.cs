using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests.Inbound;

/// <summary>An engineer's first commands arrive together while the one <c>users.info</c> lookup is still running.</summary>
public sealed class SlackFirstContactTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task Commands_TenConcurrentFirstCommandsFromAnEngineer_AllAnsweredAsThemWithOneLookup()
    {
        _slack.AfterProcessing = call => call.Method == "users.info" ? Task.Delay(500) : Task.CompletedTask;
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();
        var hook = _slack.BaseUrl + "/hooks/first";

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await client.SendAsync(SlackSigner.Request("/slack/commands",
                SlackSigner.CommandBody("swaps", "U0ALEX", hook), "application/x-www-form-urlencoded", Now));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!.GetValue<string>();
        }));

        Assert.All(answers, a => Assert.DoesNotContain("don't know who you are", a, StringComparison.Ordinal));
        Assert.Single(_slack.Calls, c => c.Method == "users.info");
    }

    [Fact]
    public async Task Commands_GuestAsksThreeTimes_OneLookupThenTheMissIsRemembered()
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();
        var hook = _slack.BaseUrl + "/hooks/guest";

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(SlackSigner.Request("/slack/commands",
                SlackSigner.CommandBody("help", "U0GUEST", hook), "application/x-www-form-urlencoded", Now));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Single(_slack.Calls, c => c.Method == "users.info");
    }
}
