using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests;

public sealed class SlackInteractionEndpointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly RecordingAction _action = new();
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private SlackHost Host() => new(_slack, _time, configure: s => s.AddSingleton<IActionHandler>(_action));

    private string Hook => _slack.BaseUrl + "/hooks/act1";

    [Fact]
    public async Task Interactions_ButtonPress_ReachesCoreAndReplacesOriginalWithoutButtons()
    {
        using var host = Host();
        host.Services.GetRequiredService<RosterService>().Save(
            host.Services.GetRequiredService<RosterService>().Find("lisa-wang")! with { SlackUserId = "U0LISA" });
        using var client = host.CreateClient();

        using var response = await client.SendAsync(SlackSigner.Request("/slack/interactions",
            SlackSigner.ActionBody("U0LISA", "test-decide#2", "opaque-42", Hook), "application/x-www-form-urlencoded", Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("response_url:act1").Count == 2));
        var (engineer, value) = Assert.Single(_action.Presses);
        Assert.Equal(("lisa-wang", "opaque-42"), (engineer, value));
        var bodies = _slack.Succeeded("response_url:act1").Select(c => c.Body!).ToList();
        var replacement = Assert.Single(bodies, b => b["replace_original"]!.GetValue<bool>());
        Assert.DoesNotContain("\"actions\"", replacement["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Decided by", replacement["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var notice = Assert.Single(bodies, b => !b["replace_original"]!.GetValue<bool>());
        Assert.Equal("ephemeral", notice["response_type"]!.GetValue<string>());
        var (exitCode, output) = await Validators.ValidateBlocksAsync(replacement.ToJsonString());
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Interactions_UnknownAction_EphemeralNoticeOnly()
    {
        using var host = Host();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(SlackSigner.Request("/slack/interactions",
            SlackSigner.ActionBody("U0GUEST", "no-such-action", "x", Hook), "application/x-www-form-urlencoded", Now));

        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("response_url:act1").Count == 1));
        var body = _slack.Succeeded("response_url:act1")[0].Body!;
        Assert.False(body["replace_original"]!.GetValue<bool>());
        Assert.Contains("not one I know", body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_action.Presses);
    }

    public static TheoryData<string, int> Refused() => new()
    {
        { "forged", 401 },
        { "stale", 401 },
        { "no payload", 400 },
        { "bad json", 400 },
        { "no actions", 400 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Interactions_ForgedStaleOrMalformed_RefusedAndCoreNotCalled(string kind, int status)
    {
        using var host = Host();
        using var client = host.CreateClient();
        var good = SlackSigner.ActionBody("U0GUEST", "test-decide", "opaque-42", Hook);
        using var request = kind switch
        {
            "forged" => SlackSigner.Request("/slack/interactions", good, "application/x-www-form-urlencoded", Now, "wrong"),
            "stale" => SlackSigner.Request("/slack/interactions", good, "application/x-www-form-urlencoded", Now.AddMinutes(7)),
            "no payload" => SlackSigner.Request("/slack/interactions", "nothing=here", "application/x-www-form-urlencoded", Now),
            "bad json" => SlackSigner.Request("/slack/interactions", "payload=%7Bnot-json", "application/x-www-form-urlencoded", Now),
            _ => SlackSigner.Request("/slack/interactions", "payload=" + Uri.EscapeDataString("""{"type":"block_actions","user":{"id":"U1"},"actions":[]}"""), "application/x-www-form-urlencoded", Now),
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Empty(_action.Presses);
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task Interactions_ViewClosed_AcknowledgedAndIgnored()
    {
        using var host = Host();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(SlackSigner.Request("/slack/interactions",
            "payload=" + Uri.EscapeDataString("""{"type":"view_closed","user":{"id":"U1"},"view":{"id":"V1"}}"""), "application/x-www-form-urlencoded", Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_action.Presses);
    }

    /// <summary>A core button handler that records who pressed what.</summary>
    private sealed class RecordingAction : IActionHandler
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string? Engineer, string Value)> Presses { get; } = new();

        public IReadOnlyList<string> ActionIds { get; } = ["test-decide"];

        public ValueTask<ActionResult> HandleAsync(CommandContext context, BotAction action, CancellationToken cancellationToken)
        {
            Presses.Enqueue((context.Engineer?.Id, action.Value));
            var replacement = new Reply { Text = [$"Decided by {context.Engineer?.Name ?? "a guest"}"] };
            return ValueTask.FromResult(new ActionResult(replacement, "Done. Nothing else to do."));
        }
    }
}
