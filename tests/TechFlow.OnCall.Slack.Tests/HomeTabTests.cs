using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Slack.Home;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests;

public sealed class HomeTabTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Build_OnCallEngineerWithOpenPage_SaysUntilWhenAndShowsPageButtonsAndMarks()
    {
        using var host = new SlackHost(null, new FakeTimeProvider(Now));
        var alex = host.Services.GetRequiredService<RosterService>().Find("alex-chen")!;
        host.Services.GetRequiredService<PageService>().Open(
            host.Services.GetRequiredService<PipelineCatalog>().Get("aggregate-profit")!, "job failed", "chat", "alex-chen", Now);

        var view = host.Services.GetRequiredService<HomeTab>().Build(alex);
        var json = view.ToJsonString();

        Assert.Equal("home", view["type"]!.GetValue<string>());
        Assert.Contains("You are primary on call now", json, StringComparison.Ordinal);
        Assert.Contains("investor period", json, StringComparison.Ordinal);
        Assert.Contains("page.ack", json, StringComparison.Ordinal);
        Assert.Contains("modal.swap", json, StringComparison.Ordinal);
        var (exitCode, output) = await Validators.ValidateBlocksAsync(json);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Build_PersonNotOnRoster_ExplainsAndStaysValid()
    {
        using var host = new SlackHost(null, new FakeTimeProvider(Now));

        var view = host.Services.GetRequiredService<HomeTab>().Build(null);

        Assert.Contains("know who you are on the roster", view.ToJsonString(), StringComparison.Ordinal);
        var (exitCode, output) = await Validators.ValidateBlocksAsync(view.ToJsonString());
        Assert.True(exitCode == 0, output);
    }
}
