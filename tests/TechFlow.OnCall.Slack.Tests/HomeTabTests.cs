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
    public async Task BuildAsync_Manager_AddsUncoveredSlicesAndFairness_EngineerDoesNot()
    {
        using var host = new SlackHost(null, new FakeTimeProvider(Now));
        var roster = host.Services.GetRequiredService<RosterService>();
        var home = host.Services.GetRequiredService<HomeTab>();

        var manager = await home.BuildAsync(roster.Manager(), CancellationToken.None);
        var engineer = await home.BuildAsync(roster.Find("lisa-wang"), CancellationToken.None);

        Assert.Contains("For admins", manager.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("uncovered slices", manager.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("On-call fairness", manager.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("For admins", engineer.ToJsonString(), StringComparison.Ordinal);
        var (exitCode, output) = await Validators.ValidateBlocksAsync(manager.ToJsonString());
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
