using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Teams.Proactive;
using TechFlow.OnCall.Teams.Tests.Support;

namespace TechFlow.OnCall.Teams.Tests;

public sealed class TeamsChatDeliveryTests : IClassFixture<TeamsFixture>
{
    private readonly LoopbackBotFramework _bot;
    private readonly TeamsHost _host;

    public TeamsChatDeliveryTests(TeamsFixture fixture)
    {
        _bot = fixture.Bot;
        _host = fixture.Host;
        _bot.Reset();
    }

    private T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    private async Task AddBotToTeamAsync()
    {
        await _host.PostAsync(TeamsActivities.BotAddedToTeam(_bot.ServiceUrl), _host.Token());
        _bot.Reset();
    }

    private static OutboxMessage Message(string key, string? directTo = null) => new()
    {
        Id = key,
        Kind = "handoff-reminder",
        DirectTo = directTo,
        Reply = new Reply { Heading = "Handoff on Friday", Text = ["Alex hands over to Sarah at 5:00 PM EST."] },
    };

    [Fact]
    public async Task ConversationUpdate_BotAddedToTeam_StoresTheChannelReference()
    {
        await AddBotToTeamAsync();

        var stored = Get<TeamsConversations>().Get(TeamsActivities.TeamChannel);
        Assert.NotNull(stored);
        Assert.Equal(TeamsConversation.Channel, stored.ConversationType);
        Assert.Equal(_bot.ServiceUrl, stored.ServiceUrl);
        Assert.Equal(TeamsActivities.TenantId, stored.TenantId);
        Assert.Equal(TeamsActivities.BotId, stored.BotId);
    }

    [Fact]
    public async Task Dispatch_HandoffReminder_ReachesTheStoredChannelExactlyOnce()
    {
        await AddBotToTeamAsync();
        var outbox = Get<Outbox>();
        var dispatcher = Get<OutboxDispatcher>();

        Assert.True(outbox.Enqueue(Message("handoff:2026-11-27")));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.False(outbox.Enqueue(Message("handoff:2026-11-27")));
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var post = Assert.Single(_bot.Calls);
        Assert.Equal("POST", post.Method);
        Assert.Equal($"/v3/conversations/{TeamsActivities.TeamChannel}/activities", post.Path);
        Assert.Equal("Bearer test-bot-token", post.Authorization);
        Assert.Contains("Handoff on Friday", (string?)post.Body!["text"], StringComparison.Ordinal);
        var delivery = Get<IOnCallStore>().Set<OutboxDelivery>().Get("teams|handoff:2026-11-27")!;
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.StartsWith(TeamsActivities.TeamChannel + "|activity-", delivery.PlatformRef, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_RateLimited_RetriesAfterRetryAfterAndSendsOnce()
    {
        await AddBotToTeamAsync();
        _bot.NextStatuses.Enqueue(429);
        var dispatcher = Get<OutboxDispatcher>();
        Get<Outbox>().Enqueue(Message("holiday:2026-12-25"));

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var waiting = Get<IOnCallStore>().Set<OutboxDelivery>().Get("teams|holiday:2026-12-25")!;
        _host.Time.Advance(TimeSpan.FromSeconds(8));
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(DeliveryStatus.Pending, waiting.Status);
        Assert.Equal(_host.Time.GetUtcNow() - TimeSpan.FromSeconds(1), waiting.NextAttemptAt);
        Assert.Contains("429", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(2, _bot.Calls.Count);
        Assert.Equal(DeliveryStatus.Sent, Get<IOnCallStore>().Set<OutboxDelivery>().Get("teams|holiday:2026-12-25")!.Status);
    }

    [Fact]
    public async Task Dispatch_DirectMessage_CreatesThePersonalChatThenPosts()
    {
        await AddBotToTeamAsync();
        var roster = Get<RosterService>();
        roster.Save(roster.Find("lisa-wang")! with { TeamsUserId = "29:lisa" });

        Get<Outbox>().Enqueue(Message("page:lisa:1", directTo: "lisa-wang"));
        await Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(2, _bot.Calls.Count);
        var create = _bot.Calls[0];
        Assert.Equal("/v3/conversations", create.Path);
        Assert.Equal("29:lisa", (string?)create.Body!["members"]![0]!["id"]);
        Assert.Equal(TeamsActivities.BotId, (string?)create.Body!["bot"]!["id"]);
        Assert.Equal(TeamsActivities.TenantId, (string?)create.Body!["channelData"]!["tenant"]!["id"]);
        Assert.StartsWith("/v3/conversations/a:personal-", _bot.Calls[1].Path, StringComparison.Ordinal);
        Assert.Equal("29:lisa", Get<TeamsConversations>().PersonalChat("29:lisa")?.UserId);
    }

    [Fact]
    public async Task Dispatch_DirectMessageToEngineerWithoutTeamsId_FailsWithoutCalls()
    {
        await AddBotToTeamAsync();

        Get<Outbox>().Enqueue(Message("page:jordan:1", directTo: "jordan-blake"));
        await Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.Empty(_bot.Calls);
        var delivery = Get<IOnCallStore>().Set<OutboxDelivery>().Get("teams|page:jordan:1")!;
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
    }
}
