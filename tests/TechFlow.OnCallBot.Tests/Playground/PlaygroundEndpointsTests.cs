using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCallBot.Tests.Playground;

public sealed class PlaygroundEndpointsTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly OnCallApp _app = new(Monday);

    [Fact]
    public async Task Healthz_Get_ReturnsOk()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Root_Get_ServesThePlaygroundPage()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<form id=\"ask\">", html);
        Assert.Contains("id=\"as\"", html);
    }

    [Fact]
    public async Task People_Get_ListsTheEngineers()
    {
        using var client = _app.CreateClient();

        var people = await client.GetFromJsonAsync<JsonElement>(new Uri("/playground/people", UriKind.Relative));

        var ids = people.EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains("alex-chen", ids);
        Assert.Contains("lisa-wang", ids);
    }

    [Fact]
    public async Task Ask_PipelineQuestion_ReturnsTheAnswerAsTextAndHtml()
    {
        using var client = _app.CreateClient();
        var shift = _app.Services.GetRequiredService<ScheduleService>().ShiftAt(Monday)!;
        var primary = _app.Services.GetRequiredService<RosterService>().Find(shift.PrimaryId)!.Name;

        var response = await client.PostAsJsonAsync(new Uri("/playground/ask", UriKind.Relative), new { @as = "sarah-johnson", text = "who is on call for Aggregate Profit" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = body.GetProperty("text").GetString()!;
        Assert.Contains("Aggregate Profit: on call now", text);
        Assert.Contains($"Primary: {primary} until Friday 5:00 PM EST", text);
        Assert.Contains("Aggregate Profit", body.GetProperty("html").GetString());
        Assert.False(body.GetProperty("inChannel").GetBoolean());
    }

    [Fact]
    public async Task Ask_WithAt_AnswersForThatInstant()
    {
        using var client = _app.CreateClient();
        var after = _app.Services.GetRequiredService<ScheduleService>().ShiftAt(new DateTimeOffset(2026, 11, 27, 22, 1, 0, TimeSpan.Zero))!;
        var primary = _app.Services.GetRequiredService<RosterService>().Find(after.PrimaryId)!.Name;

        var response = await client.PostAsJsonAsync(new Uri("/playground/ask", UriKind.Relative), new { text = "/oncall", at = "2026-11-27T17:01:00-05:00" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains($"Primary: {primary} until Fri Dec 4, 5:00 PM EST", body.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("{not json", "The body must be a JSON object")]
    [InlineData("", "The body must be a JSON object")]
    [InlineData("[1, 2]", "The body must be a JSON object")]
    [InlineData("null", "The body must be a JSON object")]
    [InlineData("{\"text\": 42}", "The body must be a JSON object")]
    [InlineData("{}", "text is required")]
    [InlineData("{\"text\": null}", "text is required")]
    [InlineData("{\"text\": \"/oncall\", \"at\": \"next blursday\"}", "at must be an ISO-8601 date-time")]
    public async Task Ask_BadRequest_Returns400WithAClearMessageAndChangesNothing(string json, string message)
    {
        using var client = _app.CreateClient();
        var before = Counts();

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri("/playground/ask", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task Action_UnknownButton_SaysNothingChanged()
    {
        using var client = _app.CreateClient();

        var response = await client.PostAsJsonAsync(new Uri("/playground/action", UriKind.Relative), new { @as = "alex-chen", actionId = "nope", value = "forged" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was changed", body.GetProperty("notice").GetString());
    }

    [Fact]
    public async Task Action_BadJson_Returns400WithAClearMessage()
    {
        using var client = _app.CreateClient();

        using var content = new StringContent("{oops", Encoding.UTF8, "application/json");
        var response = await client.PostAsync(new Uri("/playground/action", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The body must be a JSON object", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Action_MissingActionId_Returns400()
    {
        using var client = _app.CreateClient();

        var response = await client.PostAsJsonAsync(new Uri("/playground/action", UriKind.Relative), new { value = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("actionId is required", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ask_EmptyStoreWithSeedNone_ExplainsHowToAddATeam()
    {
        await using var app = new OnCallApp(Monday, new Dictionary<string, string?> { ["Store:Seed"] = "none" });
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync(new Uri("/playground/ask", UriKind.Relative), new { text = "who is on call?" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        var text = body.GetProperty("text").GetString()!;
        Assert.Contains("No team yet", text);
        Assert.Contains("reseed", text);
        Assert.Equal(0, app.Services.GetRequiredService<IOnCallStore>().Set<Engineer>().Count());
    }

    [Fact]
    public void Start_StorePath_CreatesTheFileAndSeedsIt()
    {
        _ = _app.Services;

        Assert.True(File.Exists(_app.StorePath));
        Assert.Equal(5, _app.Services.GetRequiredService<IOnCallStore>().Set<Engineer>().Count());
    }

    private string Counts()
    {
        var store = _app.Services.GetRequiredService<IOnCallStore>();
        return $"{store.Set<Engineer>().Count()} {store.Set<Shift>().Count()} {store.Set<ScheduleOverride>().Count()} {store.Set<OnCall.Core.Announcements.OutboxMessage>().Count()}";
    }

    public void Dispose() => _app.Dispose();
}
