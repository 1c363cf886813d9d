using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Teams.Tests.Support;
using TechFlow.OnCallBot.Extensions;

namespace TechFlow.OnCall.Teams.Tests;

public sealed class TeamsEndpointAnonymousTests : IAsyncLifetime
{
    private LoopbackBotFramework _bot = null!;

    public async Task InitializeAsync() => _bot = await LoopbackBotFramework.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task<HttpStatusCode> PostAsync(TeamsHost host, string remote)
    {
        using var client = host.CreateClient();
        using var content = new StringContent(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "who is on call").ToJsonString(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.Add("X-Test-Remote", remote);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private TeamsHost Host(string environment) =>
        new(_bot, appId: null, environment: environment, configure: s => s.AddSingleton<IStartupFilter, RemoteAddressFilter>());

    [Fact]
    public async Task Post_NoAppIdDevelopmentLoopback_IsServedAndRepliesWithoutToken()
    {
        await using var host = Host("Development");

        var status = await PostAsync(host, "127.0.0.1");

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = Assert.Single(_bot.Calls, c => c.Method == "POST");
        Assert.Equal("", reply.Authorization);
    }

    [Theory]
    [InlineData("Development", "10.1.2.3")]
    [InlineData("Production", "127.0.0.1")]
    public async Task Post_NoAppIdNotLoopbackOrNotDevelopment_Is401(string environment, string remote)
    {
        await using var host = Host(environment);

        var status = await PostAsync(host, remote);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(_bot.Calls);
    }

    [Fact]
    public void Start_AppIdWithoutPassword_FailsValidation()
    {
        var settings = new Dictionary<string, string?> { ["Teams:AppId"] = TestTokens.AppId, ["Teams:AppPassword"] = "" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddTeams(configuration).BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamsOptions>>().Value);
        Assert.Contains("AppPassword", error.Message, StringComparison.Ordinal);
    }
}
