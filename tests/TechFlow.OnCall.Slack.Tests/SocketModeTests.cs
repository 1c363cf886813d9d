using System.Text.Json.Nodes;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests;

public sealed class SocketModeTests : IAsyncLifetime
{
    private static readonly TimeSpan AckLimit = TimeSpan.FromSeconds(3);
    private FakeSlackApi _slack = null!;
    private FakeSocketModeServer _socket = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _socket = await FakeSocketModeServer.StartAsync();
        _slack.SocketUrl = _socket.NextUrl;
    }

    public async Task DisposeAsync()
    {
        await _socket.DisposeAsync();
        await _slack.DisposeAsync();
    }

    /// <summary>The real host in Socket Mode: an app token, no signing secret, pings every 300 ms.</summary>
    private SlackHost Host() => new(_slack, time: null, new Dictionary<string, string?>
    {
        ["Slack:SigningSecret"] = null,
        ["Slack:AppToken"] = "xapp-1-A0ONCALL-test",
        ["Slack:SocketKeepAlive"] = "00:00:00.300",
        ["Slack:SocketMaxBackoff"] = "00:00:01",
    });

    private static JsonObject Command(string text) => new()
    {
        ["token"] = "xyzz0WbapA4vBCDEFasx0q6G", ["team_id"] = "T1DC2JH3J", ["channel_id"] = "C0TEAM", ["user_id"] = "U0GUEST",
        ["command"] = "/oncall", ["text"] = text, ["api_app_id"] = "A0ONCALL", ["is_enterprise_install"] = "false",
        ["response_url"] = "https://hooks.slack.com/commands/T1/1/abc", ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
    };

    private static JsonNode Mention(string eventId, string text) =>
        JsonNode.Parse(SlackSigner.EventBody(eventId, $$"""{"type":"app_mention","user":"U0GUEST","text":"<@U0BOT> {{text}}","ts":"1700000000.0001","channel":"C0TEAM","event_ts":"1700000000.0001"}"""))!;

    private JsonNode Button(string actionId) =>
        JsonNode.Parse(Uri.UnescapeDataString(SlackSigner.ActionBody("U0GUEST", actionId, "x", _slack.BaseUrl + "/hooks/sock1")["payload=".Length..]))!;

    private int Posts(string text) =>
        _slack.Succeeded("chat.postMessage").Count(c => c.Body!.ToJsonString().Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task SocketMode_CommandButtonFormAndEvent_EachAckedInTimeWithItsEnvelopeAndAnswered()
    {
        using var host = Host();
        _ = host.Services;
        Assert.True(await _socket.WaitForAsync(s => s.Open.Count == 2), "two connections open");
        Assert.All(_slack.Succeeded("apps.connections.open"), c => Assert.Equal("Bearer xapp-1-A0ONCALL-test", c.Authorization));

        var (commandAck, commandTook, commandId) = await _socket.DeliverAsync("slash_commands", Command("help"), acceptsResponsePayload: true);
        var (buttonAck, buttonTook, buttonId) = await _socket.DeliverAsync("interactive", Button("no-such-action"));
        var (eventAck, eventTook, eventId) = await _socket.DeliverAsync("events_api", Mention("EvSock1", "who is on call"));
        var (formAck, formTook, _) = await _socket.DeliverAsync("interactive", ViewPayloads.Submission("U0GUEST", "oncall_timeoff", new Dictionary<string, JsonObject>
        {
            ["from"] = ViewPayloads.Date("2027-02-10"), ["to"] = ViewPayloads.Date("2027-02-01"),
        }), acceptsResponsePayload: true);

        Assert.Equal(commandId, commandAck["envelope_id"]!.GetValue<string>());
        Assert.Equal(buttonId, buttonAck["envelope_id"]!.GetValue<string>());
        Assert.Equal(eventId, eventAck["envelope_id"]!.GetValue<string>());
        Assert.Equal("errors", formAck["payload"]!["response_action"]!.GetValue<string>());
        Assert.NotNull(formAck["payload"]!["errors"]!["to"]);
        Assert.All(new[] { commandTook, buttonTook, eventTook, formTook }, took => Assert.True(took < AckLimit, $"acked after {took}"));
        Assert.Equal("ephemeral", commandAck["payload"]!["response_type"]!.GetValue<string>());
        Assert.Contains("/oncall swap", commandAck["payload"]!["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(buttonAck["payload"]);
        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("response_url:sock1").Count == 1), "the button's notice went to response_url");
        Assert.True(await _slack.WaitForAsync(_ => Posts("Primary") == 1), "the mention was answered in its thread");
        Assert.Equal("1700000000.0001", _slack.Succeeded("chat.postMessage")[0].Body!["thread_ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task SocketMode_RefreshThenDroppedSocket_NoEnvelopeLostOrHandledTwice()
    {
        using var host = Host();
        _ = host.Services;
        Assert.True(await _socket.WaitForAsync(s => s.Open.Count == 2));
        var first = _socket.Open[0];

        await FakeSocketModeServer.DisconnectAsync(first, "refresh_requested");
        Assert.True(await _socket.WaitForAsync(s => s.Open.Count == 3), "a new connection opened while the refreshed one was still open");
        var (drainedAck, _, _) = await _socket.DeliverAsync("events_api", Mention("EvDrain", "who is on call for daily growth"), via: first);
        await FakeSocketModeServer.CloseAsync(first);
        Assert.True(await _socket.WaitForAsync(s => s.Open.Count == 2 && !first.IsOpen),
            string.Join(", ", _socket.Sockets.Select(s => $"{s.Id}:{s.IsOpen}:{s.Muted}")));

        var victim = _socket.Open[^1];
        var (droppedAck, took, droppedId) = await _socket.DeliverAsync("events_api", Mention("EvDrop", "who is on call for aggregate profit"), via: victim, dropBeforeAck: true);
        var (retryAck, _, _) = await _socket.DeliverAsync("events_api", Mention("EvDrop", "who is on call for aggregate profit"), retryAttempt: 1);
        var (commandAck, _, _) = await _socket.DeliverAsync("slash_commands", Command("owners"), acceptsResponsePayload: true);

        Assert.NotNull(drainedAck["envelope_id"]);
        Assert.Equal(droppedId, droppedAck["envelope_id"]!.GetValue<string>());
        Assert.True(took < AckLimit, $"redelivered and acked after {took}");
        Assert.NotNull(retryAck["envelope_id"]);
        Assert.NotNull(commandAck["payload"]);
        Assert.True(await _slack.WaitForAsync(_ => Posts("Daily Growth") >= 1 && Posts("Aggregate Profit") >= 1));
        await Task.Delay(500);
        Assert.Equal(1, Posts("Daily Growth"));
        Assert.Equal(1, Posts("Aggregate Profit"));
        Assert.True(await _socket.WaitForAsync(s => s.Open.Count == 2), "the dropped connection was replaced");
    }

    [Fact]
    public async Task SocketMode_PongsStopComing_ConnectionReplaced()
    {
        _socket.MuteNext = true;
        using var host = Host();
        _ = host.Services;

        Assert.True(await _socket.WaitForAsync(s => s.Sockets.Any(c => c.Muted)));
        var muted = _socket.Sockets.Single(c => c.Muted);
        Assert.True(await _socket.WaitForAsync(_ => !muted.IsOpen, 10), "the client gave up on a link whose pongs stopped");
        Assert.True(await _socket.WaitForAsync(s => s.Open.Count == 2), "and opened another");
        var (ack, took, _) = await _socket.DeliverAsync("slash_commands", Command("help"), acceptsResponsePayload: true);
        Assert.NotNull(ack["payload"]);
        Assert.True(took < AckLimit);
    }

    [Fact]
    public async Task SocketMode_LinkDisabled_StopsReconnecting()
    {
        using var host = Host();
        _ = host.Services;
        Assert.True(await _socket.WaitForAsync(s => s.Open.Count == 2));

        foreach (var socket in _socket.Open)
        {
            await FakeSocketModeServer.DisconnectAsync(socket, "link_disabled");
            await FakeSocketModeServer.CloseAsync(socket);
        }

        Assert.True(await _socket.WaitForAsync(s => s.Open.Count == 0));
        await Task.Delay(2500);
        Assert.Equal(2, _socket.Sockets.Count);
    }

    [Fact]
    public async Task SocketMode_Readiness_ReportsOpenConnectionsThenLinkDisabled()
    {
        using var host = Host();
        using var client = host.CreateClient();
        Assert.True(await _socket.WaitForAsync(s => s.Open.Count == 2));
        var connected = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        var connectedText = await connected.Content.ReadAsStringAsync();

        foreach (var socket in _socket.Open)
        {
            await FakeSocketModeServer.DisconnectAsync(socket, "link_disabled");
            await FakeSocketModeServer.CloseAsync(socket);
        }

        Assert.True(await _socket.WaitForAsync(s => s.Open.Count == 0));
        await WaitUntilAsync(async () => (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode == System.Net.HttpStatusCode.ServiceUnavailable);
        var disabled = await (await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, connected.StatusCode);
        Assert.Contains("slack-socket-mode: healthy, 2 of 2 connections open", connectedText, StringComparison.Ordinal);
        Assert.Contains("slack-socket-mode: unhealthy, Slack disabled the Socket Mode link (link_disabled)", disabled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SocketMode_SameEnvelopeOnTwoConnections_HandledOnceAckedTwice()
    {
        using var host = Host();
        _ = host.Services;
        Assert.True(await _socket.WaitForAsync(s => s.Open.Count == 2));
        var button = Button("no-such-action");

        var (a, _, id) = await _socket.DeliverAsync("interactive", button, via: _socket.Open[0]);
        var (b, _, _) = await _socket.DeliverAsync("interactive", button, via: _socket.Open[1], envelopeId: id);

        Assert.Equal(id, a["envelope_id"]!.GetValue<string>());
        Assert.Equal(id, b["envelope_id"]!.GetValue<string>());
        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("response_url:sock1").Count == 1));
        await Task.Delay(500);
        Assert.Single(_slack.Succeeded("response_url:sock1"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
