using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.OnCallSync;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Slack.Tests;

public sealed class SlackOnCallSyncTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly TestBot _bot = TestBot.Create(Now);
    private readonly ISlackApiClient _api = Substitute.For<ISlackApiClient>();

    public SlackOnCallSyncTests() =>
        _api.Users.LookupByEmailAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(c => new SlackUser("U-" + c.Arg<string>().Split('@')[0], null, null, c.Arg<string>(), false));

    private SlackOnCallSync Sync(SlackOptions options) => new(
        _bot.Get<EffectiveSchedule>(), _bot.Get<RosterService>(), _api, _bot.Store, Options.Create(options), NullLogger<SlackOnCallSync>.Instance);

    [Fact]
    public async Task RunDue_OffByDefault_CallsNothing()
    {
        await Sync(new SlackOptions { BotToken = "xoxb-1", AnnouncementChannel = "C0TEAM" }).RunDueAsync(Now, CancellationToken.None);

        Assert.Empty(_api.Conversations.ReceivedCalls());
        Assert.Empty(_api.UserGroups.ReceivedCalls());
    }

    [Fact]
    public async Task RunDue_TopicAndGroupOn_WritesOncePerChange()
    {
        var sync = Sync(new SlackOptions { BotToken = "xoxb-1", AnnouncementChannel = "C0TEAM", KeepTopic = true, UserGroupId = "S0ONCALL" });
        var snapshot = _bot.Get<EffectiveSchedule>().At(Now)!;

        await sync.RunDueAsync(Now, CancellationToken.None);
        await sync.RunDueAsync(Now.AddMinutes(1), CancellationToken.None);

        await _api.Conversations.Received(1).SetTopicAsync("C0TEAM",
            Arg.Is<string>(t => t.Contains(snapshot.Primary.Holder!.Name, StringComparison.Ordinal) && t.Length <= 250), Arg.Any<CancellationToken>());
        await _api.UserGroups.Received(1).UpdateUsersAsync("S0ONCALL", Arg.Is<IReadOnlyList<string>>(u => u.Count == 2), Arg.Any<CancellationToken>());
        Assert.NotNull(_bot.Get<RosterService>().Find(snapshot.Primary.Holder!.Id)!.SlackUserId);
        Assert.Equal(2, _bot.Store.Set<SlackSyncState>().Count());
    }

    public void Dispose() => _bot.Dispose();
}
