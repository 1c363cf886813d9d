using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Teams.Tests.Support;

namespace TechFlow.OnCall.Teams.Tests;

/// <summary>Members not yet linked to the roster cost one connector lookup, not one per message.</summary>
public sealed class TeamsFirstContactTests : IAsyncLifetime
{
    private LoopbackBotFramework _bot = null!;
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        _bot = await LoopbackBotFramework.StartAsync();
        _host = new TeamsHost(_bot);
        var roster = _host.Services.GetRequiredService<RosterService>();
        roster.Save(roster.Find("sarah-johnson")! with { TeamsUserId = null, TeamsAadObjectId = null });
        _bot.Reset();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _bot.DisposeAsync();
    }

    private static int MemberLookups(LoopbackBotFramework bot) => bot.Calls.Count(c => c.Method == "GET");

    [Fact]
    public async Task Post_MemberNotOnTheRosterWritesThreeTimes_OneConnectorLookup()
    {
        _bot.Member = new JsonObject { ["id"] = TeamsActivities.UserId, ["email"] = "visitor@elsewhere.example" };

        for (var i = 0; i < 3; i++)
        {
            var (status, _) = await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help", id: $"17000000001{i}"), _host.Token());
            Assert.Equal(HttpStatusCode.OK, status);
        }

        Assert.Equal(1, MemberLookups(_bot));
    }

    [Fact]
    public async Task Post_RememberedMissExpires_LookedUpAgainAfterAnHour()
    {
        _bot.Member = new JsonObject { ["id"] = TeamsActivities.UserId, ["email"] = "visitor@elsewhere.example" };
        await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help", id: "1700000000201"), _host.Token());

        _host.Time.Advance(PlatformUserLookups.MissKeep + TimeSpan.FromMinutes(1));
        await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help", id: "1700000000202"), _host.Token());

        Assert.Equal(2, MemberLookups(_bot));
    }

    [Fact]
    public async Task Post_FiveConcurrentFirstMessagesFromAnEngineer_OneLookupAndAllMapped()
    {
        _bot.Member = new JsonObject { ["id"] = TeamsActivities.UserId, ["email"] = "sarah.johnson@techflow.example" };
        _bot.NextDelays.Enqueue(TimeSpan.FromMilliseconds(500));

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "swaps", id: $"17000000003{i}"), _host.Token())));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(1, MemberLookups(_bot));
        Assert.DoesNotContain(_bot.Calls, c => c.Method == "POST" && ((string?)c.Body?["text"] ?? "").Contains("don't know who you are", StringComparison.Ordinal));
        Assert.Equal(TeamsActivities.UserId, _host.Services.GetRequiredService<RosterService>().Find("sarah-johnson")!.TeamsUserId);
    }
}
