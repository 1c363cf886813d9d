using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TechFlow.OnCall.Slack.Tests.Reliability;
using TechFlow.OnCall.Slack.Tests.Support;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Slack.Tests.ShippedHost;

/// <summary>
/// Slack against the host as it ships: a separate process on a fresh store, signed requests over HTTP, and a loopback
/// fake Slack Web API. test.sh runs this category a second time against the native build (<c>ONCALL_HOST_NATIVE</c>),
/// so everything the native compiler could have cut (reflection over options, JSON, LiteDB's mapper) is exercised.
/// </summary>
[Trait("Category", "ShippedHost")]
public sealed class ShippedHostSlackTests : IAsyncLifetime
{
    private const string PlaygroundToken = "shipped-host-playground-token-0123456789";
    private readonly string _directory = Directory.CreateTempSubdirectory("oncall-shipped-").FullName;
    private FakeSlackApi _slack = null!;
    private ChildHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _slack.UserIdForEmail = email => "U" + email.Split('@')[0].Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        var settings = KillTrial.Settings(_directory, _slack, KillTrial.MiddayZone(DateTimeOffset.UtcNow), DateTimeOffset.UtcNow.AddHours(3));
        settings["Slack:SigningSecret"] = SlackSigner.Secret;
        settings["Playground:Token"] = PlaygroundToken;
        _host = await ChildHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(HttpStatusCode Status, string Body)> CommandAsync(string text, string secret = SlackSigner.Secret)
    {
        using var http = new HttpClient { BaseAddress = _host.Address, Timeout = TimeSpan.FromSeconds(20) };
        var body = SlackSigner.CommandBody(text, "UALEXCHEN", _slack.BaseUrl + "/response/1");
        using var request = SlackSigner.Request("/slack/commands", body, "application/x-www-form-urlencoded", DateTimeOffset.UtcNow, secret);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> PlaygroundAsync(string text)
    {
        using var http = new HttpClient { BaseAddress = _host.Address, Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PlaygroundToken);
        using var response = await http.PostAsJsonAsync(new Uri("playground/ask", UriKind.Relative), new { text, @as = "alex-chen" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)?["text"]?.GetValue<string>() ?? body;
    }

    [Fact]
    public async Task SlashCommand_Signed_NamesTheSamePrimaryAsThePlaygroundInValidBlockKit()
    {
        var (status, body) = await CommandAsync("aggregate profit");
        var playground = await PlaygroundAsync("who is on call for Aggregate Profit");

        Assert.Equal(HttpStatusCode.OK, status);
        var primary = Regex.Match(playground, "Primary: @?(?<name>[A-Za-z ]+?) until").Groups["name"].Value;
        Assert.NotEmpty(primary);
        var slackId = "U" + primary.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Contains("Aggregate Profit", body, StringComparison.Ordinal);
        // The mention once the engineer's Slack id is known (looked up by e-mail in the background), the name before.
        Assert.True(body.Contains($"<@{slackId}>", StringComparison.Ordinal) || body.Contains(primary, StringComparison.Ordinal), body);
        var blocks = JsonNode.Parse(body)!["blocks"]!.ToJsonString();
        var (exit, output) = await Validators.ValidateBlocksAsync(blocks);
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task SlashCommand_ForgedSignature_Is401()
    {
        var (status, _) = await CommandAsync("aggregate profit", secret: "not-the-signing-secret-0123456789");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task SlashCommand_MisspeltPipeline_AnswersDidYouMean()
    {
        var (status, body) = await CommandAsync("aggregate proft");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Did you mean", body, StringComparison.Ordinal);
        Assert.Contains("Aggregate Profit", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OpenedThroughTheApi_IsPostedToSlackAndAcknowledgedBySlashCommand()
    {
        using var http = new HttpClient { BaseAddress = _host.Address, Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KillTrial.PagingSecret);
        using var content = new StringContent("""{"pipeline":"aggregate-profit","message":"shipped host: billing feed late"}""", Encoding.UTF8, "application/json");
        using var opened = await http.PostAsync(new Uri("api/pages", UriKind.Relative), content);
        var id = JsonNode.Parse(await opened.Content.ReadAsStringAsync())?["id"]?.GetValue<string>();
        Assert.NotNull(id);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!_slack.AllPostedKeys().Any(k => k?.StartsWith("page:", StringComparison.Ordinal) == true) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains(_slack.AllPostedKeys(), k => k?.StartsWith("page:", StringComparison.Ordinal) == true);
        var (status, body) = await CommandAsync($"ack {id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Acknowledged page", body, StringComparison.Ordinal);
    }
}
