using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Client;
using TechFlow.OnCall.Teams.Connector;
using TechFlow.OnCall.Teams.Tests.Support;

namespace TechFlow.OnCall.Teams.Tests;

/// <summary>The Entra token endpoint the bot needs for its replies hangs or fails.</summary>
public sealed class TeamsTokenEndpointTests : IAsyncLifetime
{
    private readonly GatedTokenSource _tokens = new();
    private LoopbackBotFramework _bot = null!;
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        _bot = await LoopbackBotFramework.StartAsync();
        _host = new TeamsHost(_bot, configure: s =>
        {
            s.RemoveAll<IConnectorTokenSource>();
            s.AddSingleton<IConnectorTokenSource>(_tokens);
        });
    }

    public async Task DisposeAsync()
    {
        _tokens.Release("late-token");
        await _host.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Post_TokenEndpointHangs_AnsweredInTimeAndTheReplySentWhenTheTokenArrives()
    {
        var post = _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "who is on call"), _host.Token());
        for (var i = 0; i < 100 && !post.IsCompleted; i++)
        {
            _host.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(post, Task.Delay(50));
        }

        Assert.True(post.IsCompleted, "the activity was still unanswered after 50 s on the clock");
        Assert.Equal(HttpStatusCode.OK, (await post).Status);
        Assert.DoesNotContain(_bot.Calls, c => c.Method == "POST");

        _tokens.Release("late-token");
        for (var i = 0; i < 200 && !_bot.Calls.Any(c => c.Method == "POST"); i++)
        {
            _host.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        var reply = Assert.Single(_bot.Calls, c => c.Method == "POST");
        Assert.Equal("Bearer late-token", reply.Authorization);
    }

    [Fact]
    public async Task Post_TokenEndpointFails_AnsweredWithoutA500()
    {
        _tokens.Fail(new MsalServiceException("invalid_client", "AADSTS7000215: Invalid client secret provided."));

        var post = _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help"), _host.Token());
        for (var i = 0; i < 100 && !post.IsCompleted; i++)
        {
            _host.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(post, Task.Delay(50));
        }

        Assert.True(post.IsCompleted);
        Assert.Equal(HttpStatusCode.OK, (await post).Status);
        Assert.DoesNotContain(_bot.Calls, c => c.Method == "POST");
    }

    /// <summary>Hangs (ignoring cancellation, as a stuck HTTP client would) until released, or fails.</summary>
    private sealed class GatedTokenSource : IConnectorTokenSource
    {
        private readonly TaskCompletionSource<string?> _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release(string token) => _gate.TrySetResult(token);

        public void Fail(Exception error) => _gate.TrySetException(error);

        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => _gate.Task;
    }
}
