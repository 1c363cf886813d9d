using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Inbound;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests;

public sealed class SlackEventEndpointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private static string Mention(string text, string ts, string? threadTs = null) =>
        $$"""{"type":"app_mention","user":"U0GUEST","text":"{{text}}","ts":"{{ts}}","channel":"C0TEAM","event_ts":"{{ts}}"{{(threadTs is null ? "" : $",\"thread_ts\":\"{threadTs}\"")}}}""";

    private static string DirectMessage(string text, string user = "U0GUEST", string extra = "") =>
        $$"""{"type":"message","channel_type":"im","user":"{{user}}","text":"{{text}}","ts":"1700000100.000100","channel":"D0GUEST","event_ts":"1700000100.000100"{{extra}}}""";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, int? retryNum = null)
    {
        var request = SlackSigner.Request("/slack/events", body, "application/json", Now);
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task Events_UrlVerification_EchoesChallenge()
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();

        using var response = await PostAsync(client, """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_AppMention_RepliesInThreadWithoutTheMention()
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();

        using var response = await PostAsync(client, SlackSigner.EventBody("Ev01", Mention("<@U0BOT> who is on call", "1700000000.000100")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("chat.postMessage").Count == 1));
        var post = _slack.Succeeded("chat.postMessage")[0].Body!;
        Assert.Equal("C0TEAM", post["channel"]!.GetValue<string>());
        Assert.Equal("1700000000.000100", post["thread_ts"]!.GetValue<string>());
        Assert.DoesNotContain("U0BOT", post["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var (exitCode, output) = await Validators.ValidateBlocksAsync(post.ToJsonString());
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Events_MentionInsideThread_RepliesInThatThread()
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();

        using var response = await PostAsync(client, SlackSigner.EventBody("Ev02", Mention("<@U0BOT> help", "1700000050.000100", "1700000000.000001")));

        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("chat.postMessage").Count == 1));
        Assert.Equal("1700000000.000001", _slack.Succeeded("chat.postMessage")[0].Body!["thread_ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_DirectMessage_RepliesInTheDmNotInAThread()
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();

        using var response = await PostAsync(client, SlackSigner.EventBody("Ev03", DirectMessage("who is on call")));

        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("chat.postMessage").Count == 1));
        var post = _slack.Succeeded("chat.postMessage")[0].Body!;
        Assert.Equal("D0GUEST", post["channel"]!.GetValue<string>());
        Assert.Null(post["thread_ts"]);
    }

    [Fact]
    public async Task Events_RetriedDelivery_AnsweredOnce()
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();
        var body = SlackSigner.EventBody("Ev04", DirectMessage("who is on call"));

        using (var first = await PostAsync(client, body))
        using (var retry = await PostAsync(client, body, retryNum: 1))
        using (var again = await PostAsync(client, body, retryNum: 2))
        {
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using (var other = await PostAsync(client, SlackSigner.EventBody("Ev05", DirectMessage("help"))))
        {
        }

        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("chat.postMessage").Count >= 2));
        Assert.Equal(2, _slack.Succeeded("chat.postMessage").Count);
        Assert.Equal(["slack-event:Ev04", "slack-event:Ev05"], host.Services.GetRequiredService<IOnCallStore>().Set<InboundWork>().All().Select(r => r.Id).Order());
    }

    public static TheoryData<string> Ignored() => new()
    {
        DirectMessage("loop", extra: ",\"bot_id\":\"B0BOT\""),
        DirectMessage("loop", extra: ",\"subtype\":\"bot_message\""),
        DirectMessage("own message", user: "U0BOT"),
        DirectMessage("edited", extra: ",\"subtype\":\"message_changed\""),
        """{"type":"message","channel_type":"channel","user":"U0GUEST","text":"chatter","ts":"1.1","channel":"C0TEAM","event_ts":"1.1"}""",
        """{"type":"reaction_added","user":"U0GUEST","reaction":"eyes","event_ts":"1.1"}""",
    };

    [Theory]
    [MemberData(nameof(Ignored))]
    public async Task Events_BotOwnOrUnrelatedMessages_AcknowledgedNotAnswered(string inner)
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();

        using (var ignored = await PostAsync(client, SlackSigner.EventBody("EvIgnored", inner)))
        {
            Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);
        }

        using (var marker = await PostAsync(client, SlackSigner.EventBody("EvMarker", DirectMessage("help"))))
        {
        }

        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("chat.postMessage").Count >= 1));
        var posts = _slack.Succeeded("chat.postMessage");
        Assert.Single(posts);
        Assert.Equal("D0GUEST", posts[0].Body!["channel"]!.GetValue<string>());
    }

    public static TheoryData<string, string, int> Refused() => new()
    {
        { "forged", SlackSigner.EventBody("EvBad", DirectMessage("who")), 401 },
        { "stale", SlackSigner.EventBody("EvBad", DirectMessage("who")), 401 },
        { "malformed", "{\"type\":\"event_callback\",\"event_id\":", 400 },
        { "no event", "{\"type\":\"event_callback\",\"event_id\":\"EvBad\"}", 400 },
        { "not an object", "[1,2,3]", 200 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Events_ForgedStaleOrMalformed_RefusedAndNothingStored(string kind, string body, int status)
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();
        using var request = kind switch
        {
            "forged" => SlackSigner.Request("/slack/events", body, "application/json", Now, "wrong-secret"),
            "stale" => SlackSigner.Request("/slack/events", body, "application/json", Now.AddMinutes(-10)),
            _ => SlackSigner.Request("/slack/events", body, "application/json", Now),
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(0, host.Services.GetRequiredService<IOnCallStore>().Set<InboundWork>().Count());
        Assert.Empty(_slack.Calls);
    }
}
