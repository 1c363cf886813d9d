using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Commands;
using TechFlow.OnCall.Slack.Rendering;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests;

public sealed class SlackCommandEndpointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private string Hook => _slack.BaseUrl + "/hooks/cmd1";

    private static async Task<JsonObject> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task Commands_SignedQuestionFromGuest_AnswersEphemeralBlocksInline()
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();

        using var response = await client.SendAsync(SlackSigner.Request("/slack/commands",
            SlackSigner.CommandBody("aggregate profit", "U0GUEST", Hook), "application/x-www-form-urlencoded", Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal("ephemeral", json["response_type"]!.GetValue<string>());
        var expected = await host.Services.GetRequiredService<ConversationService>()
            .AskAsync(new BotInput { FrontEnd = SlackFrontEnd.Descriptor, Text = "aggregate profit" });
        Assert.Equal(BlockKitRenderer.Render(expected).Text, json["text"]!.GetValue<string>());
        Assert.NotEmpty(json["blocks"]!.AsArray());
        var (exitCode, output) = await Validators.ValidateBlocksAsync(json.ToJsonString());
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Commands_TrailingPublic_InChannel()
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();

        using var response = await client.SendAsync(SlackSigner.Request("/slack/commands",
            SlackSigner.CommandBody("who is on call public", "U0GUEST", Hook), "application/x-www-form-urlencoded", Now));

        Assert.Equal("in_channel", (await JsonOf(response))["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Commands_UserKnownByEmail_LinkedOnceAndStored()
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var response = await client.SendAsync(SlackSigner.Request("/slack/commands",
                SlackSigner.CommandBody("who is on call", "U0ALEX", Hook), "application/x-www-form-urlencoded", Now));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal("U0ALEX", host.Services.GetRequiredService<RosterService>().Find("alex-chen")!.SlackUserId);
        Assert.Single(_slack.Calls, c => c.Method == "users.info");
        Assert.Equal("Bearer xoxb-test-token", _slack.Calls[0].Authorization);
    }

    [Fact]
    public async Task Commands_UnknownUserTwice_LooksUpOnceAndStillAnswers()
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var response = await client.SendAsync(SlackSigner.Request("/slack/commands",
                SlackSigner.CommandBody("help", "U0STRANGER", Hook), "application/x-www-form-urlencoded", Now));
            Assert.NotEmpty((await JsonOf(response))["blocks"]!.AsArray());
        }

        Assert.Single(_slack.Calls, c => c.Method == "users.info");
        Assert.DoesNotContain(host.Services.GetRequiredService<RosterService>().Engineers(), e => e.SlackUserId == "U0STRANGER");
    }

    public static TheoryData<string, int> Rejected() => new()
    {
        { "forged", 401 },
        { "stale", 401 },
        { "future", 401 },
        { "unsigned", 401 },
        { "oversized", 413 },
        { "malformed", 400 },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Commands_BadRequest_RejectedAndNothingChanged(string kind, int status)
    {
        using var host = new SlackHost(_slack, _time, new Dictionary<string, string?> { ["Slack:MaxRequestBytes"] = "4096" });
        using var client = host.CreateClient();
        var body = SlackSigner.CommandBody("who is on call", "U0ALEX", Hook);
        var request = kind switch
        {
            "forged" => SlackSigner.Request("/slack/commands", body, "application/x-www-form-urlencoded", Now, "not-the-secret"),
            "stale" => SlackSigner.Request("/slack/commands", body, "application/x-www-form-urlencoded", Now.AddMinutes(-6)),
            "future" => SlackSigner.Request("/slack/commands", body, "application/x-www-form-urlencoded", Now.AddMinutes(6)),
            "oversized" => SlackSigner.Request("/slack/commands", body + "&pad=" + new string('x', 5000), "application/x-www-form-urlencoded", Now),
            "malformed" => SlackSigner.Request("/slack/commands", "text=who&command=%2Foncall", "application/x-www-form-urlencoded", Now),
            _ => new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body) },
        };

        using (request)
        using (var response = await client.SendAsync(request))
        {
            Assert.Equal(status, (int)response.StatusCode);
        }

        Assert.Empty(_slack.Calls);
        Assert.All(host.Services.GetRequiredService<RosterService>().Engineers(), e => Assert.Null(e.SlackUserId));
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/interactions")]
    [InlineData("/slack/events")]
    public async Task Routes_NoSigningSecret_NotFound(string path)
    {
        using var host = new SlackHost(null, _time, new Dictionary<string, string?> { ["Slack:SigningSecret"] = null });
        using var client = host.CreateClient();

        using var response = await client.SendAsync(SlackSigner.Request(path, "payload=%7B%7D", "application/x-www-form-urlencoded", Now));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Start_SigningSecretConfiguredButEmpty_Fails()
    {
        using var host = new SlackHost(null, _time, new Dictionary<string, string?> { ["Slack:SigningSecret"] = " " });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("SigningSecret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_SlowAnswer_AcksEmptyThenFinishesThroughResponseUrl()
    {
        var release = new TaskCompletionSource();
        using var host = new SlackHost(_slack, _time, configure: s => s.AddSingleton<ISlashCommandHandler>(new SlowHandler(release.Task)));
        using var client = host.CreateClient();

        var post = client.SendAsync(SlackSigner.Request("/slack/commands",
            SlackSigner.CommandBody("anything", "U0GUEST", Hook, "/slow"), "application/x-www-form-urlencoded", Now));
        while (!post.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(post, Task.Delay(20));
        }

        using var response = await post;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        release.SetResult();
        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("response_url:cmd1").Count == 1));
        var body = _slack.Succeeded("response_url:cmd1")[0].Body!;
        Assert.Equal("in_channel", body["response_type"]!.GetValue<string>());
        Assert.Equal("slow answer", body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Commands_ResponseUrlOutsideSlack_NeverCalled()
    {
        using var host = new SlackHost(_slack, _time);
        var api = host.Services.GetRequiredService<ISlackApiClient>();

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            api.RespondAsync("https://evil.example/hook", new JsonObject { ["text"] = "x" }, CancellationToken.None));

        Assert.Equal("untrusted_response_url", error.ErrorCode);
    }

    private sealed class SlowHandler(Task release) : ISlashCommandHandler
    {
        public string Command => "/slow";

        public async Task<SlashCommandResponse?> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
        {
            await release;
            return new SlashCommandResponse(new SlackMessage("slow answer", []), InChannel: true);
        }
    }
}
