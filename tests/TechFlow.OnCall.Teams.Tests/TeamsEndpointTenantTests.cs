using System.Net;
using TechFlow.OnCall.Teams.Tests.Support;

namespace TechFlow.OnCall.Teams.Tests;

public sealed class TeamsEndpointTenantTests : IAsyncLifetime
{
    private const string Tenant = "3f2b8c1d-4e5a-4b6c-9d7e-8f9a0b1c2d3e";
    private LoopbackBotFramework _bot = null!;
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        _bot = await LoopbackBotFramework.StartAsync();
        _host = new TeamsHost(_bot, tenantId: Tenant);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Theory]
    [InlineData($"https://login.microsoftonline.com/{Tenant}/v2.0")]
    [InlineData($"https://sts.windows.net/{Tenant}/")]
    public async Task Post_SingleTenantEntraToken_IsAccepted(string issuer)
    {
        var token = TestTokens.Create(_bot.TenantKey, TeamsHost.Now, _bot.ServiceUrl, issuer: issuer);

        var (status, _) = await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help"), token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Post_OtherTenantsToken_Is401()
    {
        var token = TestTokens.Create(_bot.TenantKey, TeamsHost.Now, _bot.ServiceUrl, issuer: "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0");

        var (status, _) = await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Post_BotFrameworkTokenSignedWithTenantKey_Is401()
    {
        var token = TestTokens.Create(_bot.TenantKey, TeamsHost.Now, _bot.ServiceUrl);

        var (status, _) = await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
