using System.Text.Json.Nodes;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Rendering;
using TechFlow.OnCall.Slack.Tests.Support;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Slack.Tests;

/// <summary>Every team-change reply and post, rendered as Block Kit, passes Slack's validators.</summary>
public sealed class TeamChangeBlockKitTests
{
    [Fact]
    public async Task Render_EveryTeamChangeReply_PassesSlackValidators()
    {
        var replies = await TeamChangeReplies.AllAsync();

        foreach (var (name, reply) in replies)
        {
            var message = BlockKitRenderer.Render(reply);
            var post = message.WriteTo(new JsonObject { ["channel"] = "C0TEAM" });
            var result = await Validators.ValidateBlocksAsync(post.ToJsonString());
            Assert.True(result.ExitCode == 0, $"{name}: {result.Output}");
        }

        Assert.Contains(replies["confirm-leave"].Buttons, b => b.ActionId == OnCall.Core.TeamChanges.TeamMessages.Confirm);
    }
}
