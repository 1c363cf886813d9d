using System.Net;
using System.Text;
using TechFlow.OnCall.Teams.Tests.Support;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Teams.Tests.ShippedHost;

/// <summary>
/// Teams against the host as it ships: a separate process on a fresh store, without credentials on loopback in
/// Development (the way the Agents Playground talks to it), replying through a loopback Bot Connector. test.sh runs
/// this category a second time against the native build (<c>ONCALL_HOST_NATIVE</c>).
/// </summary>
[Trait("Category", "ShippedHost")]
public sealed class ShippedHostTeamsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oncall-shipped-teams-").FullName;
    private LoopbackBotFramework _bot = null!;
    private ChildHost _host = null!;

    public async Task InitializeAsync()
    {
        _bot = await LoopbackBotFramework.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Store:Path"] = Path.Combine(_directory, "oncall.db"),
            ["Teams:AppId"] = "",
            ["Teams:AppPassword"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        _host = await ChildHost.StartAsync(settings, environment: "Development");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _bot.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task PersonalMessage_WhoIsOnCall_RepliesWithAValidAdaptiveCardThroughTheConnector()
    {
        using var http = new HttpClient { BaseAddress = _host.Address, Timeout = TimeSpan.FromSeconds(20) };
        using var content = new StringContent(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "who is on call for aggregate profit").ToJsonString(), Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!_bot.Calls.Any(c => c.Method == "POST") && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var reply = Assert.Single(_bot.Calls, c => c.Method == "POST").Body!;
        Assert.Equal("message", reply["type"]?.GetValue<string>());
        var card = reply["attachments"]![0]!["content"]!;
        Assert.Contains("Aggregate Profit", card.ToJsonString(), StringComparison.Ordinal);
        var (exit, output) = Validators.Card(card.ToJsonString());
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task PersonalMessage_NotJson_Is400AndNothingIsSent()
    {
        using var http = new HttpClient { BaseAddress = _host.Address, Timeout = TimeSpan.FromSeconds(20) };
        using var content = new StringContent("{not json", Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(_bot.Calls, c => c.Method == "POST");
    }
}
