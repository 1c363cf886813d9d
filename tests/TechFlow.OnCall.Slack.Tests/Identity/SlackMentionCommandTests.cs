using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests.Identity;

/// <summary>A slash command that mentions someone reaches the core with that engineer, not Slack's markup.</summary>
public sealed class SlackMentionCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Theory]
    [InlineData("<@U0LISA>")]
    [InlineData("<@U0LISA|lisa>")]
    public async Task TimeOffCommand_MentioningALinkedEngineer_RecordsTheirTimeOff(string mention)
    {
        var stored = await TimeOffFromCommandAsync($"timeoff add 2027-05-03 2027-05-07 {mention} conference", "U0JORDAN");

        Assert.Equal("lisa-wang", stored.EngineerId);
        Assert.Equal("conference", stored.Reason);
    }

    /// <summary>Slack sends &amp;, &lt; and &gt; typed in a message or a command escaped; the core stores what was typed.</summary>
    [Fact]
    public async Task TimeOffCommand_ReasonWithAmpersandAndAngleBrackets_IsStoredAsTyped()
    {
        // Typed: "R&D offsite <3 days> &lt;literal&gt;" (the last word typed with its ampersand entity spelled out).
        var stored = await TimeOffFromCommandAsync("timeoff add 2027-05-03 2027-05-07 R&amp;D offsite &lt;3 days&gt; &amp;lt;literal&amp;gt;", "U0LISA");

        Assert.Equal("R&D offsite <3 days> &lt;literal&gt;", stored.Reason);
    }

    /// <summary>Links and channels arrive as Slack markup; the core stores them as the person saw them typed.</summary>
    [Fact]
    public async Task TimeOffCommand_ReasonWithALinkAndAChannel_IsStoredAsPlainText()
    {
        var stored = await TimeOffFromCommandAsync("timeoff add 2027-05-03 2027-05-07 see <https://wiki.example/plan?a=1&amp;b=2|the plan> in <#C0OPS|ops>", "U0LISA");

        Assert.Equal("see the plan (https://wiki.example/plan?a=1&b=2) in #ops", stored.Reason);
    }

    /// <summary>Sends <paramref name="text"/> as a signed <c>/oncall</c> from <paramref name="slackUser"/> (Jordan and Lisa linked) and returns the one time off it stored.</summary>
    private async Task<TimeOff> TimeOffFromCommandAsync(string text, string slackUser)
    {
        using var host = new SlackHost(_slack, _time);
        using var client = host.CreateClient();
        var roster = host.Services.GetRequiredService<RosterService>();
        roster.Save(roster.Find("jordan-blake")! with { SlackUserId = "U0JORDAN" });
        roster.Save(roster.Find("lisa-wang")! with { SlackUserId = "U0LISA" });

        using var response = await client.SendAsync(SlackSigner.Request("/slack/commands",
            SlackSigner.CommandBody(text, slackUser, _slack.BaseUrl + "/hooks/cmd1"), "application/x-www-form-urlencoded", Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(host.Services.GetRequiredService<IOnCallStore>().Set<TimeOff>().All());
    }
}
