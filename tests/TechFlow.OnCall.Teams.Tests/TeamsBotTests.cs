using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Teams.Tests.Support;

namespace TechFlow.OnCall.Teams.Tests;

public sealed class TeamsBotTests : IClassFixture<TeamsFixture>
{
    private readonly LoopbackBotFramework _bot;
    private readonly TeamsHost _host;

    public TeamsBotTests(TeamsFixture fixture)
    {
        _bot = fixture.Bot;
        _host = fixture.Host;
        _bot.Reset();
    }

    [Fact]
    public async Task Post_ChannelMention_RepliesInTheThreadWithoutTheMention()
    {
        var (status, _) = await _host.PostAsync(TeamsActivities.ChannelMention(_bot.ServiceUrl, "who is on call for aggregate profit"), _host.Token());

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = Assert.Single(_bot.Calls, c => c.Method == "POST");
        Assert.Equal($"/v3/conversations/{TeamsActivities.TeamChannel};messageid=1700000000002/activities/1700000000002", reply.Path);
        var card = reply.Body!["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains("Aggregate Profit", card, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", (string?)reply.Body!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChannelChatterWithoutMention_IsIgnored()
    {
        var activity = TeamsActivities.ChannelMention(_bot.ServiceUrl, "lunch?");
        activity["text"] = "lunch?";
        activity["entities"] = new JsonArray();

        var (status, _) = await _host.PostAsync(activity, _host.Token());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(_bot.Calls);
    }

    [Fact]
    public async Task Post_UnknownUserWithRosterEmail_MapsAndStoresTheTeamsIdentity()
    {
        var roster = _host.Services.GetRequiredService<RosterService>();
        roster.Save(roster.Find("sarah-johnson")! with { TeamsUserId = null, TeamsAadObjectId = null });
        _bot.Member = new JsonObject { ["id"] = TeamsActivities.UserId, ["email"] = "Sarah.Johnson@techflow.example", ["userPrincipalName"] = "sarah.johnson@techflow.example" };

        await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help"), _host.Token());
        _bot.Reset();
        await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help", id: "1700000000003"), _host.Token());

        var sarah = roster.Find("sarah-johnson")!;
        Assert.Equal(TeamsActivities.UserId, sarah.TeamsUserId);
        Assert.Equal(TeamsActivities.UserAad, sarah.TeamsAadObjectId);
        Assert.DoesNotContain(_bot.Calls, c => c.Method == "GET");
    }

    [Fact]
    public async Task Invoke_ActionExecute_AnswersWithTheUpdatedCard()
    {
        var (status, body) = await _host.PostAsync(TeamsActivities.Execute(_bot.ServiceUrl, TestApprovalHandler.Approve, "swap-42"), _host.Token());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, (int?)body!["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        var card = body["value"]!;
        Assert.Equal("Swap approved", (string?)card["body"]![0]!["text"]);
        Assert.Equal("Mike Rodriguez covers the shift (swap-42).", (string?)card["body"]![1]!["text"]);
        var (code, output) = Validators.Card(body.ToJsonString());
        Assert.True(code == 0, output);
        Assert.DoesNotContain(_bot.Calls, c => c.Method is "POST" or "PUT");
    }

    [Fact]
    public async Task Invoke_UnknownVerb_AnswersWithAMessageAndChangesNothing()
    {
        var (status, body) = await _host.PostAsync(TeamsActivities.Execute(_bot.ServiceUrl, "no-such-action", "x"), _host.Token());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body!["type"]);
        Assert.Contains("not one I know", (string?)body["value"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ActionSubmitType_Is400NotSupported()
    {
        var (status, body) = await _host.PostAsync(TeamsActivities.Execute(_bot.ServiceUrl, TestApprovalHandler.Approve, "swap-42", type: "Action.Submit"), _host.Token());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(400, (int?)body!["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal("NotSupported", (string?)body["value"]!["code"]);
    }

    [Fact]
    public async Task Invoke_OtherInvokeName_Is501()
    {
        var activity = TeamsActivities.Execute(_bot.ServiceUrl, TestApprovalHandler.Approve, "swap-42");
        activity["name"] = "composeExtension/query";

        var (status, _) = await _host.PostAsync(activity, _host.Token());

        Assert.Equal(HttpStatusCode.NotImplemented, status);
    }
}
