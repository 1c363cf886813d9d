using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Commands;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests.Inbound;

/// <summary>Slack must hear back within 3 s however long the answer takes to compute.</summary>
public sealed class SlackCommandBudgetTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private string Hook => _slack.BaseUrl + "/hooks/budget1";

    [Fact]
    public async Task Commands_HandlerBusyBeforeItsFirstAwait_AcksWithinTheBudgetThenAnswersThroughResponseUrl()
    {
        using var release = new ManualResetEventSlim();
        using var host = new SlackHost(_slack, _time, configure: s => s.AddSingleton<ISlashCommandHandler>(new BusyHandler(release)));
        using var client = host.CreateClient();
        try
        {
            var post = client.SendAsync(SlackSigner.Request("/slack/commands",
                SlackSigner.CommandBody("anything", "U0GUEST", Hook, "/busy"), "application/x-www-form-urlencoded", Now));
            for (var i = 0; i < 200 && !post.IsCompleted; i++)
            {
                _time.Advance(TimeSpan.FromMilliseconds(500));
                await Task.WhenAny(post, Task.Delay(50));
            }

            Assert.True(post.IsCompleted, "Slack got no acknowledgement while the handler was busy");
            using var response = await post;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            release.Set();
        }

        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("response_url:budget1").Count == 1));
        Assert.Equal("busy answer", _slack.Succeeded("response_url:budget1")[0].Body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Commands_TenKilobyteText_ClearAnswerInline()
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();
        var text = string.Concat(Enumerable.Repeat("aggregate profit numbers missing again ", 270));

        using var response = await client.SendAsync(SlackSigner.Request("/slack/commands",
            SlackSigner.CommandBody(text, "U0GUEST", Hook), "application/x-www-form-urlencoded", Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("I read at most 4,000", json["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(_slack.Calls, c => c.Method.StartsWith("response_url", StringComparison.Ordinal));
    }

    /// <summary>Works synchronously (as CPU-bound matching does) until released, then answers.</summary>
    private sealed class BusyHandler(ManualResetEventSlim release) : ISlashCommandHandler
    {
        public string Command => "/busy";

        public Task<SlashCommandResponse?> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
        {
            release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            return Task.FromResult<SlashCommandResponse?>(new SlashCommandResponse(new SlackMessage("busy answer", []), InChannel: false));
        }
    }
}
