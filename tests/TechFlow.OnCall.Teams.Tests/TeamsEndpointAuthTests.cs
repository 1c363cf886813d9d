using System.Net;
using TechFlow.OnCall.Teams.Tests.Support;

namespace TechFlow.OnCall.Teams.Tests;

public sealed class TeamsEndpointAuthTests : IClassFixture<TeamsFixture>
{
    private readonly LoopbackBotFramework _bot;
    private readonly TeamsHost _host;

    public TeamsEndpointAuthTests(TeamsFixture fixture)
    {
        _bot = fixture.Bot;
        _host = fixture.Host;
        _bot.Reset();
    }

    [Fact]
    public async Task Post_ValidToken_RepliesThroughTheConnectorWithABotToken()
    {
        var (status, _) = await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "who is on call for aggregate profit"), _host.Token());

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = Assert.Single(_bot.Calls, c => c.Method == "POST");
        Assert.Equal($"/v3/conversations/{TeamsActivities.PersonalChat}/activities/1700000000001", reply.Path);
        Assert.Equal("Bearer test-bot-token", reply.Authorization);
        Assert.Equal("message", (string?)reply.Body!["type"]);
        Assert.Equal("1700000000001", (string?)reply.Body!["replyToId"]);
        Assert.Contains("Aggregate Profit", (string?)reply.Body!["text"], StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)reply.Body!["attachments"]![0]!["contentType"]);
    }

    [Fact]
    public async Task Post_TokenExpiredWithinSkew_IsAccepted()
    {
        var token = TestTokens.Create(_bot.TeamsKey, TeamsHost.Now, _bot.ServiceUrl, expiresIn: TimeSpan.FromMinutes(-4));

        var (status, _) = await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help"), token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    public static TheoryData<string> BadTokens => new()
    {
        "none", "expired", "wrong-audience", "wrong-issuer", "unknown-key", "missing-endorsement", "serviceurl-mismatch", "garbage",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Post_BadToken_Is401AndNothingIsSent(string kind)
    {
        var now = TeamsHost.Now;
        var url = _bot.ServiceUrl;
        var token = kind switch
        {
            "none" => null,
            "expired" => TestTokens.Create(_bot.TeamsKey, now, url, expiresIn: TimeSpan.FromMinutes(-6)),
            "wrong-audience" => TestTokens.Create(_bot.TeamsKey, now, url, audience: "00000000-1111-2222-3333-444444444444"),
            "wrong-issuer" => TestTokens.Create(_bot.TeamsKey, now, url, issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
            "unknown-key" => TestTokens.Create(_bot.UnknownKey, now, url),
            "missing-endorsement" => TestTokens.Create(_bot.WebChatKey, now, url),
            "serviceurl-mismatch" => TestTokens.Create(_bot.TeamsKey, now, "https://smba.trafficmanager.net/amer/"),
            _ => "not.a.jwt",
        };

        var (status, _) = await _host.PostAsync(TeamsActivities.PersonalMessage(url, "who is on call"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(_bot.Calls);
    }

    [Fact]
    public async Task Post_MalformedBodyWithValidToken_Is401WithoutTouchingTheStore()
    {
        using var client = _host.CreateClient();
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        client.DefaultRequestHeaders.Authorization = new("Bearer", _host.Token());

        using var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Calls);
    }
}
