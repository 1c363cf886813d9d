using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests;

public sealed class SlackModalTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private SlackHost Host()
    {
        var host = new SlackHost(_slack, _time);
        var roster = host.Services.GetRequiredService<RosterService>();
        roster.Save(roster.Find("alex-chen")! with { SlackUserId = "U0ALEX" });
        roster.Save(roster.Find("sarah-johnson")! with { SlackUserId = "U0SARAH" });
        return host;
    }

    private static async Task<JsonNode?> SubmitAsync(HttpClient client, JsonObject payload)
    {
        using var response = await client.SendAsync(SlackSigner.Request("/slack/interactions", ViewPayloads.Form(payload), "application/x-www-form-urlencoded", Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static async Task AssertValidViewAsync(JsonNode view)
    {
        var (exitCode, output) = await Validators.ValidateBlocksAsync(view.ToJsonString());
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task SwapModal_ConflictThenFixed_ErrorInModalThenRequestForCounterpart()
    {
        using var host = Host();
        using var client = host.CreateClient();

        using var opened = await client.SendAsync(SlackSigner.Request("/slack/commands",
            SlackSigner.CommandBody("swap", "U0ALEX", _slack.BaseUrl + "/hooks/cmd"), "application/x-www-form-urlencoded", Now));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("", await opened.Content.ReadAsStringAsync());
        var open = Assert.Single(_slack.Succeeded("views.open")).Body!;
        Assert.Equal("398738663015.47445629121.803a0bc887", open["trigger_id"]!.GetValue<string>());
        var view = open["view"]!;
        await AssertValidViewAsync(view);
        var mine = ViewPayloads.Options(view, "mine")[0];

        var conflict = await SubmitAsync(client, ViewPayloads.Submission("U0ALEX", "oncall_swap", new Dictionary<string, JsonObject>
        {
            ["mine"] = ViewPayloads.Selected(mine), ["who"] = ViewPayloads.User("U0ALEX"), ["theirs"] = ViewPayloads.Selected("propose"),
        }));
        Assert.Equal("errors", conflict!["response_action"]!.GetValue<string>());
        Assert.Contains("yourself", conflict["errors"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(host.Services.GetRequiredService<IOnCallStore>().Set<SwapRequest>().All());

        var done = await SubmitAsync(client, ViewPayloads.Submission("U0ALEX", "oncall_swap", new Dictionary<string, JsonObject>
        {
            ["mine"] = ViewPayloads.Selected(mine), ["who"] = ViewPayloads.User("U0SARAH"), ["theirs"] = ViewPayloads.Selected("propose"),
        }));

        Assert.Equal("update", done!["response_action"]!.GetValue<string>());
        await AssertValidViewAsync(done["view"]!);
        var request = Assert.Single(host.Services.GetRequiredService<IOnCallStore>().Set<SwapRequest>().All());
        Assert.Equal(("alex-chen", "sarah-johnson", SwapStatus.Open), (request.RequesterId, request.CounterpartId, request.Status));
        Assert.Equal(mine, request.RequesterStart.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var home = await OpenHomeAsync(client, "U0SARAH", "EvHome1");
        await AssertValidViewAsync(home);
        var approve = HomeButtons(home).Single(b => b.ActionId.StartsWith("swap.approve", StringComparison.Ordinal));
        using var pressed = await client.SendAsync(SlackSigner.Request("/slack/interactions",
            SlackSigner.ActionBody("U0SARAH", approve.ActionId, approve.Value, _slack.BaseUrl + "/hooks/home"), "application/x-www-form-urlencoded", Now));
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.True(await WaitAsync(() => host.Services.GetRequiredService<IOnCallStore>().Set<SwapRequest>().Get(request.Id)!.Status == SwapStatus.Approved),
            "Sarah's Approve on her Home tab approved the swap");
        Assert.True(await WaitAsync(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            return _slack.Home("U0SARAH") is { } refreshed && !HomeButtons(refreshed).Any(b => b.Value == approve.Value);
        }), "her Home tab was republished without the answered request");
    }

    private async Task<JsonNode> OpenHomeAsync(HttpClient client, string userId, string eventId)
    {
        var body = SlackSigner.EventBody(eventId, $$"""{"type":"app_home_opened","user":"{{userId}}","channel":"D0HOME","tab":"home","event_ts":"1700000000.0002"}""");
        using var response = await client.SendAsync(SlackSigner.Request("/slack/events", body, "application/json", Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _slack.WaitForAsync(s => s.Home(userId) is not null), "views.publish was called");
        return _slack.Home(userId)!;
    }

    private static List<(string ActionId, string Value)> HomeButtons(JsonNode view) =>
        [.. view["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => (e!["action_id"]!.GetValue<string>(), e["value"]?.GetValue<string>() ?? ""))];

    private static async Task<bool> WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }

    [Fact]
    public async Task SwapModal_PersonNotOnRoster_ErrorNextToPersonAndNothingStored()
    {
        using var host = Host();
        using var client = host.CreateClient();
        var view = host.Services.GetRequiredService<Modals.SwapModal>().Build(host.Services.GetRequiredService<RosterService>().Find("alex-chen"));

        var answer = await SubmitAsync(client, ViewPayloads.Submission("U0ALEX", "oncall_swap", new Dictionary<string, JsonObject>
        {
            ["mine"] = ViewPayloads.Selected(ViewPayloads.Options(view, "mine")[0]), ["who"] = ViewPayloads.User("U0GUEST"), ["theirs"] = ViewPayloads.Selected("propose"),
        }));

        Assert.Contains("not on the on-call roster", answer!["errors"]!["who"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(host.Services.GetRequiredService<IOnCallStore>().Set<SwapRequest>().All());
    }

    [Fact]
    public async Task TimeOffModal_EndBeforeStart_ErrorNextToEnd_ThenValidDatesRecorded()
    {
        using var host = Host();
        using var client = host.CreateClient();
        await AssertValidViewAsync(host.Services.GetRequiredService<Modals.TimeOffModal>().Build(host.Services.GetRequiredService<RosterService>().Find("alex-chen")));

        var wrong = await SubmitAsync(client, ViewPayloads.Submission("U0ALEX", "oncall_timeoff", new Dictionary<string, JsonObject>
        {
            ["from"] = ViewPayloads.Date("2027-02-10"), ["to"] = ViewPayloads.Date("2027-02-01"),
        }));
        var right = await SubmitAsync(client, ViewPayloads.Submission("U0ALEX", "oncall_timeoff", new Dictionary<string, JsonObject>
        {
            ["from"] = ViewPayloads.Date("2027-02-01"), ["to"] = ViewPayloads.Date("2027-02-10"), ["reason"] = ViewPayloads.Text("ski trip"),
        }));

        Assert.Contains("on or after", wrong!["errors"]!["to"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("update", right!["response_action"]!.GetValue<string>());
        await AssertValidViewAsync(right["view"]!);
        var off = Assert.Single(host.Services.GetRequiredService<TimeOffService>().Upcoming("alex-chen"));
        Assert.Equal((new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 10), "ski trip"), (off.From, off.To, off.Reason));
    }

    [Fact]
    public async Task TimeOffModal_DatesPicked_FormUpdatedWithTheShiftsTheyHit()
    {
        using var host = Host();
        using var client = host.CreateClient();
        var payload = JsonNode.Parse(Uri.UnescapeDataString(SlackSigner.ActionBody("U0ALEX", "timeoff.to", "", _slack.BaseUrl + "/hooks/x")["payload=".Length..]))!.AsObject();
        payload["actions"]![0]!["type"] = "datepicker";
        payload["actions"]![0]!["selected_date"] = "2026-12-01";
        payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0TIMEOFF" };
        payload.Remove("response_url");
        payload["view"] = ViewPayloads.Submission("U0ALEX", "oncall_timeoff", new Dictionary<string, JsonObject>
        {
            ["from"] = ViewPayloads.Date("2026-11-30"), ["to"] = ViewPayloads.Date("2026-12-01"),
        })["view"]!.DeepClone();

        Assert.Null(await SubmitAsync(client, payload));

        Assert.True(await _slack.WaitForAsync(s => s.Succeeded("views.update").Count == 1));
        var update = _slack.Succeeded("views.update")[0].Body!;
        Assert.Equal(("V0001", "156772938.1827394"), (update["view_id"]!.GetValue<string>(), update["hash"]!.GetValue<string>()));
        Assert.Contains("hits 1 of your shifts", update["view"]!.ToJsonString(), StringComparison.Ordinal);
        await AssertValidViewAsync(update["view"]!);
    }

    [Fact]
    public async Task PageModal_TypeAheadThenSubmit_OptionsFromCatalogAndPageOpened()
    {
        using var host = Host();
        using var client = host.CreateClient();
        await AssertValidViewAsync(Modals.PageModal.Build("the dashboard is stale"));

        var options = await SubmitAsync(client, new JsonObject
        {
            ["type"] = "block_suggestion", ["user"] = new JsonObject { ["id"] = "U0ALEX" }, ["action_id"] = "page.pipeline",
            ["block_id"] = "pipeline", ["value"] = "profit", ["view"] = new JsonObject { ["id"] = "V1", ["callback_id"] = "oncall_page" },
        });
        var values = options!["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()).ToList();
        Assert.Contains("aggregate-profit", values);
        Assert.DoesNotContain("daily-growth", values);

        var empty = await SubmitAsync(client, ViewPayloads.Submission("U0ALEX", "oncall_page", new Dictionary<string, JsonObject>
        {
            ["pipeline"] = ViewPayloads.Selected("no-such-pipeline"), ["message"] = ViewPayloads.Text("broken"),
        }));
        var paged = await SubmitAsync(client, ViewPayloads.Submission("U0ALEX", "oncall_page", new Dictionary<string, JsonObject>
        {
            ["pipeline"] = ViewPayloads.Selected("aggregate-profit"), ["message"] = ViewPayloads.Text("job failed at 02:10"),
        }));

        Assert.NotNull(empty!["errors"]!["pipeline"]);
        Assert.Equal("update", paged!["response_action"]!.GetValue<string>());
        await AssertValidViewAsync(paged["view"]!);
        var page = Assert.Single(host.Services.GetRequiredService<Core.Paging.PageService>().OpenPages());
        Assert.Equal(("aggregate-profit", "job failed at 02:10"), (page.PipelineId, page.Message));
    }
}
