using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Rendering;
using TechFlow.OnCall.Teams.Cards;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Playground;

namespace TechFlow.OnCallBot.Tests.FrontEnds;

/// <summary>Help and hints show each front end's own way of starting a command.</summary>
public sealed class CommandPrefixTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly TestBot _bot = TestBot.Create(Monday);

    [Fact]
    public async Task Help_InSlack_ShowsTheSlashCommand()
    {
        var message = BlockKitRenderer.Render(await _bot.AskAsync("help", frontEnd: OnCall.Slack.SlackFrontEnd.Descriptor));
        var blocks = string.Join('\n', message.Blocks.Select(b => (string?)b!["text"]?["text"]));

        Assert.Contains("/oncall swap &lt;my shift&gt; with @someone", blocks, StringComparison.Ordinal);
        Assert.Contains("/oncall at 2026-12-25", blocks, StringComparison.Ordinal);
        Assert.DoesNotContain("@On-call", blocks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_InTeams_ShowsAMentionOfTheBot()
    {
        var reply = await _bot.AskAsync("help", frontEnd: OnCall.Teams.TeamsFrontEnd.Descriptor);
        var card = AdaptiveCardRenderer.Render(reply).ToJsonString();
        var text = (string?)ReplyActivity.Message(reply)["text"];

        Assert.Contains("@On-call swap <my shift> with @someone", text, StringComparison.Ordinal);
        Assert.Contains("@On-call at 2026-12-25", card, StringComparison.Ordinal);
        Assert.DoesNotContain("/oncall", card, StringComparison.Ordinal);
        Assert.DoesNotContain("/oncall", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_InTheCliAndThePlayground_ShowsBareWords()
    {
        var reply = await _bot.AskAsync("help", frontEnd: LocalFrontEnds.Cli);
        var cli = PlainTextRenderer.Render(reply, LocalFrontEnds.Cli.CommandPrefix);
        var playground = HtmlRenderer.Render(await _bot.AskAsync("help", frontEnd: LocalFrontEnds.Playground));

        Assert.Contains(cli.Split('\n'), line => line.StartsWith("swap <my shift> with @someone", StringComparison.Ordinal));
        Assert.Contains(cli.Split('\n'), line => line.StartsWith("oncall ", StringComparison.Ordinal) && line.EndsWith(" oncall", StringComparison.Ordinal));
        Assert.Contains("<td>at 2026-12-25</td>", playground, StringComparison.Ordinal);
        Assert.DoesNotContain("/oncall", cli, StringComparison.Ordinal);
        Assert.DoesNotContain("/oncall", playground, StringComparison.Ordinal);
        Assert.DoesNotContain(ReplyMarkup.Command, cli + playground, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hint_AfterAnUnknownPipeline_UsesEachFrontEndsPrefix()
    {
        var reply = await _bot.AskAsync("agg proft");

        Assert.Contains("Try: /oncall aggregate profit", BlockKitRenderer.Render(reply).Blocks.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Try: @On-call aggregate profit", AdaptiveCardRenderer.Render(reply).ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Try: aggregate profit", PlainTextRenderer.Render(reply, LocalFrontEnds.Cli.CommandPrefix), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/oncall help")]
    [InlineData("@oncall help")]
    [InlineData("oncall help")]
    [InlineData("help")]
    public async Task TypedPrefixes_FromChatHabit_StillWorkInTheCli(string text)
    {
        var reply = await _bot.AskAsync(text, frontEnd: LocalFrontEnds.Cli);

        Assert.Equal("What I can do", reply.Heading);
    }

    [Theory]
    [InlineData("@On-call help")]
    [InlineData("/oncall help")]
    public async Task TypedPrefixes_InTeams_AreIgnored(string text)
    {
        var reply = await _bot.AskAsync(text, frontEnd: OnCall.Teams.TeamsFrontEnd.Descriptor);

        Assert.Equal("What I can do", reply.Heading);
    }

    public void Dispose() => _bot.Dispose();
}
