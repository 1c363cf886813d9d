using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCallBot.Tests.Playground;

/// <summary>The playground exists only where it is safe, and never lets anyone act as a person linked to a chat platform.</summary>
public sealed class PlaygroundAccessTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private const string Token = "playground-token-0123456789";

    public static TheoryData<string> Routes => ["/", "/playground/people", "/playground/feed", "/playground/ask", "/playground/action"];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_NonLoopbackBindingWithoutToken_IsRefusedAndChangesNothing(string route)
    {
        await using var app = new OnCallApp(Monday, new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:3978" });
        var swap = RequestSwap(app);
        var before = Snapshot(app);
        using var client = app.CreateClient();

        var response = await client.SendAsync(Request(route, swap));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("DM to", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(app));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_NonLoopbackBindingWithTheToken_Works(string route)
    {
        await using var app = new OnCallApp(Monday, new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:3978", ["Playground:Token"] = Token });
        var swap = RequestSwap(app);
        using var client = app.CreateClient();
        using var request = Request(route, swap);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (route == "/playground/action")
        {
            Assert.Equal(SwapStatus.Approved, app.Services.GetRequiredService<IOnCallStore>().Set<SwapRequest>().Get(swap.Id)!.Status);
        }

        if (route == "/playground/ask")
        {
            Assert.Equal(1, app.Services.GetRequiredService<IOnCallStore>().Set<Page>().Count());
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_TokenSetButMissingOrWrong_IsUnauthorizedAndChangesNothing(string route)
    {
        await using var app = new OnCallApp(Monday, new Dictionary<string, string?> { ["Playground:Token"] = Token });
        var swap = RequestSwap(app);
        var before = Snapshot(app);
        using var client = app.CreateClient();
        using var wrong = Request(route, swap);
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");

        var missing = await client.SendAsync(Request(route, swap));
        var mistaken = await client.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, mistaken.StatusCode);
        Assert.Equal(before, Snapshot(app));
    }

    [Fact]
    public async Task Root_TokenInTheQuery_ServesThePage()
    {
        await using var app = new OnCallApp(Monday, new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:3978", ["Playground:Token"] = Token });
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri($"/?token={Token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<form id=\"ask\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_LoopbackHostReachedThroughATunnel_IsRefusedAndChangesNothing(string route)
    {
        await using var app = new OnCallApp(Monday);
        var swap = RequestSwap(app);
        var before = Snapshot(app);
        using var client = app.CreateClient();
        using var request = Request(route, swap);
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, Snapshot(app));
    }

    [Fact]
    public async Task Ask_AsAPersonLinkedToSlackWhileSlackIsConfigured_IsRefusedAndChangesNothing()
    {
        await using var app = new OnCallApp(Monday, new Dictionary<string, string?> { ["Slack:SigningSecret"] = "slack-signing-secret" });
        Link(app, "alex-chen");
        var before = Snapshot(app);
        using var client = app.CreateClient();

        var response = await client.SendAsync(Request("/playground/ask", null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("linked to Slack", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(app));
    }

    [Fact]
    public async Task Action_AsAPersonLinkedToTeamsWhileTeamsIsConfigured_IsRefusedAndChangesNothing()
    {
        await using var app = new OnCallApp(Monday, new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "00000000-0000-0000-0000-000000000001",
            ["Teams:AppPassword"] = "teams-app-password",
        });
        var swap = RequestSwap(app);
        app.Services.GetRequiredService<RosterService>().Save(app.Services.GetRequiredService<RosterService>().Find(swap.CounterpartId)! with { TeamsUserId = "29:teams-user" });
        var before = Snapshot(app);
        using var client = app.CreateClient();

        var response = await client.SendAsync(Request("/playground/action", swap));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, Snapshot(app));
    }

    [Fact]
    public async Task Ask_AsALinkedPersonWithTheToken_Works()
    {
        await using var app = new OnCallApp(Monday, new Dictionary<string, string?> { ["Slack:SigningSecret"] = "slack-signing-secret", ["Playground:Token"] = Token });
        Link(app, "alex-chen");
        using var client = app.CreateClient();
        using var request = Request("/playground/ask", null);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Feed_SlackConfiguredWithoutToken_LeavesOutDirectMessagesToLinkedPeople()
    {
        await using var app = new OnCallApp(Monday, new Dictionary<string, string?> { ["Slack:SigningSecret"] = "slack-signing-secret" });
        var swap = RequestSwap(app);
        Link(app, swap.CounterpartId!);
        using var client = app.CreateClient();

        var feed = await client.GetStringAsync(new Uri("/playground/feed", UriKind.Relative));

        var counterpart = app.Services.GetRequiredService<RosterService>().Find(swap.CounterpartId)!.Name;
        Assert.DoesNotContain($"DM to {counterpart}", feed, StringComparison.Ordinal);
        Assert.True(app.Services.GetRequiredService<IOnCallStore>().Set<OutboxMessage>().Exists(m => m.DirectTo == swap.CounterpartId));
    }

    private static void Link(OnCallApp app, string engineerId)
    {
        var roster = app.Services.GetRequiredService<RosterService>();
        roster.Save(roster.Find(engineerId)! with { SlackUserId = "U" + engineerId.Length });
    }

    /// <summary>A pending swap of the 2026-12-04 shift's primary with someone off that shift.</summary>
    private static SwapRequest RequestSwap(OnCallApp app)
    {
        var store = app.Services.GetRequiredService<IOnCallStore>();
        var shift = store.Set<Shift>().Get("2026-12-04")!;
        var counterpart = new[] { "sarah-johnson", "mike-rodriguez", "lisa-wang", "alex-chen" }.First(e => e != shift.PrimaryId && e != shift.SecondaryId);
        var reply = app.Services.GetRequiredService<ConversationService>()
            .AskAsync(new BotInput { FrontEnd = TestFrontEnds.Chat, EngineerId = shift.PrimaryId, Text = $"swap 2026-12-04 with @{counterpart}" }).AsTask().GetAwaiter().GetResult();
        Assert.NotEqual(ReplyTone.Error, reply.Tone);
        return store.Set<SwapRequest>().All().Single();
    }

    private static HttpRequestMessage Request(string route, SwapRequest? swap) => route switch
    {
        "/playground/ask" => Post(route, new { @as = "alex-chen", text = "/oncall page aggregate profit numbers are late" }),
        "/playground/action" => Post(route, new { @as = swap!.CounterpartId, actionId = "swap.approve", value = swap.Id }),
        _ => new HttpRequestMessage(HttpMethod.Get, new Uri(route, UriKind.Relative)),
    };

    private static HttpRequestMessage Post(string route, object body) => new(HttpMethod.Post, new Uri(route, UriKind.Relative))
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
    };

    private static string Snapshot(OnCallApp app)
    {
        var store = app.Services.GetRequiredService<IOnCallStore>();
        return JsonSerializer.Serialize(new
        {
            swaps = store.Set<SwapRequest>().All(),
            pages = store.Set<Page>().Count(),
            overrides = store.Set<ScheduleOverride>().Count(),
            outbox = store.Set<OutboxMessage>().Count(),
        });
    }
}
