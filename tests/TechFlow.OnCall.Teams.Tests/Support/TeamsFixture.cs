using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Teams.Tests.Support;

/// <summary>One loopback Bot Framework and one host with an app id, shared by a test class.</summary>
public sealed class TeamsFixture : IAsyncLifetime
{
    public LoopbackBotFramework Bot { get; private set; } = null!;

    public TeamsHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bot = await LoopbackBotFramework.StartAsync();
        Host = new TeamsHost(Bot, configure: s => s.AddSingleton<IActionHandler, TestApprovalHandler>());
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Bot.DisposeAsync();
    }
}
