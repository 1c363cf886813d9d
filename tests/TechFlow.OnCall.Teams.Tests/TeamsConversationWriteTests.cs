using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Teams.Activities;
using TechFlow.OnCall.Teams.Proactive;
using TechFlow.OnCall.Teams.Tests.Support;

namespace TechFlow.OnCall.Teams.Tests;

/// <summary>A personal chat's messages store its conversation reference only when the reference changed.</summary>
public sealed class TeamsConversationWriteTests : IClassFixture<TeamsFixture>
{
    private readonly LoopbackBotFramework _bot;
    private readonly TeamsHost _host;

    public TeamsConversationWriteTests(TeamsFixture fixture)
    {
        _bot = fixture.Bot;
        _host = fixture.Host;
        _bot.Reset();
    }

    [Fact]
    public async Task Post_SamePersonalChatAgain_WritesNoConversationReference()
    {
        var store = _host.Services.GetRequiredService<IOnCallStore>();
        await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help"), _host.Token());
        var writes = 0;
        void Count(StoreCommit commit) => writes += commit.Touches<TeamsConversation>() ? 1 : 0;
        store.Committed += Count;
        try
        {
            _host.Time.Advance(TimeSpan.FromMinutes(5));
            await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help", id: "1700000000011"), _host.Token());
            await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "/oncall", id: "1700000000012"), _host.Token());
        }
        finally
        {
            store.Committed -= Count;
        }

        Assert.Equal(0, writes);
        Assert.Equal(_bot.ServiceUrl, _host.Services.GetRequiredService<TeamsConversations>().Get(TeamsActivities.PersonalChat)?.ServiceUrl);
    }

    [Fact]
    public void Remember_ReferenceFromNewServiceUrl_StoresIt()
    {
        var conversations = _host.Services.GetRequiredService<TeamsConversations>();
        conversations.Remember(Parse(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help")));
        var moved = TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help", id: "1700000000013");
        moved["serviceUrl"] = _bot.ServiceUrl + "moved/";

        conversations.Remember(Parse(moved));

        Assert.Equal(_bot.ServiceUrl + "moved/", conversations.Get(TeamsActivities.PersonalChat)?.ServiceUrl);
        conversations.Remember(Parse(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help")));
        Assert.Equal(_bot.ServiceUrl, conversations.Get(TeamsActivities.PersonalChat)?.ServiceUrl);
    }

    private static Activity Parse(JsonObject json) => JsonSerializer.Deserialize<Activity>(json.ToJsonString(), TeamsJson.Options)!;
}
