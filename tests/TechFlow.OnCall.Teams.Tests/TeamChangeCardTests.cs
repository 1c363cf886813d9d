using TechFlow.OnCall.Teams.Cards;
using TechFlow.OnCall.Teams.Tests.Support;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Teams.Tests;

/// <summary>Every team-change reply and post, rendered as an Adaptive Card, passes the card validator.</summary>
public sealed class TeamChangeCardTests
{
    [Fact]
    public async Task Message_EveryTeamChangeReply_PassesTheAdaptiveCardValidator()
    {
        var replies = await TeamChangeReplies.AllAsync();

        foreach (var (name, reply) in replies)
        {
            var (code, output) = Validators.Card(ReplyActivity.Message(reply).ToJsonString());
            Assert.True(code == 0, $"{name}: {output}");
        }
    }
}
