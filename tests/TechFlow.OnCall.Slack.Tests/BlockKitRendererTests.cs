using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.Rendering;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests;

public class BlockKitRendererTests
{
    private static readonly PersonRef Alex = new("alex-chen", "Alex Chen", "U0ALEX", null);
    private static readonly PersonRef Lisa = new("lisa-wang", "Lisa <Wang>", null, null);

    private static List<JsonObject> Blocks(SlackMessage message) => [.. message.Blocks.Select(b => b!.AsObject())];

    private static string TextOf(JsonObject block) => block["text"]!["text"]!.GetValue<string>();

    private static string AllText(SlackMessage message) => message.Blocks.ToJsonString();

    [Fact]
    public void Render_TextWithReservedCharacters_EscapesThem()
    {
        var message = BlockKitRenderer.Render(Reply.Info("profit < costs & salaries > 0 <!channel>"));

        Assert.Equal("profit &lt; costs &amp; salaries &gt; 0 &lt;!channel&gt;", TextOf(Blocks(message)[0]));
    }

    [Fact]
    public void Render_MentionTokens_SlackIdWhenKnownElseEscapedName()
    {
        var reply = new Reply { Text = ["⟦@alex-chen⟧ hands over to ⟦@lisa-wang⟧"], People = [Alex, Lisa] };

        var text = TextOf(Blocks(BlockKitRenderer.Render(reply))[0]);

        Assert.Equal("<@U0ALEX> hands over to Lisa &lt;Wang&gt;", text);
    }

    [Fact]
    public void Render_FullReply_HeaderSectionFieldsContextActionsInOrder()
    {
        var reply = new Reply
        {
            Heading = "On call now",
            Text = ["⟦@alex-chen⟧ is primary"],
            Fields = [new ReplyField("Primary", "⟦@alex-chen⟧"), new ReplyField("Until", "Friday 5:00 PM EST")],
            Context = ["Times in America/New_York"],
            Buttons = [new ReplyButton("Accept", "swap-accept", "swap-1", ButtonStyle.Primary)],
            People = [Alex],
        };

        var types = Blocks(BlockKitRenderer.Render(reply)).Select(b => b["type"]!.GetValue<string>()).ToList();

        Assert.Equal(["header", "section", "section", "actions", "context"], types);
    }

    [Fact]
    public void Render_LongParagraph_SplitIntoSectionsWithinLimit()
    {
        var paragraph = string.Join('\n', Enumerable.Range(0, 400).Select(i => $"line {i} with & and <"));

        var sections = Blocks(BlockKitRenderer.Render(Reply.Info(paragraph)));

        Assert.True(sections.Count > 1);
        Assert.All(sections, s => Assert.InRange(TextOf(s).Length, 1, BlockKitRenderer.MaxSectionText));
        Assert.Equal(SlackText.Escape(paragraph).Replace("\n", "", StringComparison.Ordinal),
            string.Concat(sections.Select(TextOf)).Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_TwentyFiveFields_ThreeSectionsOfAtMostTen()
    {
        var reply = new Reply { Fields = [.. Enumerable.Range(1, 25).Select(i => new ReplyField($"F{i}", $"v{i}"))] };

        var sections = Blocks(BlockKitRenderer.Render(reply));

        Assert.Equal([10, 10, 5], sections.Select(s => s["fields"]!.AsArray().Count));
    }

    [Fact]
    public void Render_LongHeaderAndButtonLabel_TruncatedWithEllipsis()
    {
        var reply = new Reply { Heading = new string('h', 200), Buttons = [new ReplyButton(new string('b', 100), "go", "1")] };

        var blocks = Blocks(BlockKitRenderer.Render(reply));

        Assert.Equal(BlockKitRenderer.MaxHeader, TextOf(blocks[0]).Length);
        Assert.EndsWith("…", TextOf(blocks[0]), StringComparison.Ordinal);
        var label = blocks[1]["elements"]![0]!["text"]!["text"]!.GetValue<string>();
        Assert.Equal(BlockKitRenderer.MaxButtonText, label.Length);
    }

    [Fact]
    public void Render_ActionIdTooLong_ButtonLeftOutWithVisibleNote()
    {
        var reply = new Reply { Buttons = [new ReplyButton("Too long", new string('a', 300), "1"), new ReplyButton("Fine", "ok", "2")] };

        var message = BlockKitRenderer.Render(reply);

        Assert.DoesNotContain(new string('a', 300), AllText(message), StringComparison.Ordinal);
        Assert.Contains("could not be shown", AllText(message), StringComparison.Ordinal);
        Assert.Contains("\"action_id\":\"ok\"", AllText(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameActionIdTwice_SuffixedAndMappedBack()
    {
        var reply = new Reply { Buttons = [new ReplyButton("A", "pick", "1"), new ReplyButton("B", "pick", "2")] };

        var elements = Blocks(BlockKitRenderer.Render(reply))[0]["elements"]!.AsArray();
        var ids = elements.Select(e => e!["action_id"]!.GetValue<string>()).ToList();

        Assert.Equal(["pick", "pick#2"], ids);
        Assert.All(ids, id => Assert.Equal("pick", BlockKitRenderer.ActionIdOf(id)));
        Assert.Equal("x#y", BlockKitRenderer.ActionIdOf("x#y"));
    }

    [Fact]
    public void Render_EightyParagraphs_FiftyBlocksEndingWithNote()
    {
        var reply = new Reply { Text = [.. Enumerable.Range(1, 80).Select(i => $"paragraph {i}")] };

        var blocks = Blocks(BlockKitRenderer.Render(reply));

        Assert.Equal(BlockKitRenderer.MaxBlocks, blocks.Count);
        Assert.Contains("did not fit", blocks[^1].ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HeadingAndText_FallbackIsHeadingAndTextWithNames()
    {
        var reply = new Reply { Heading = "On call", Text = ["⟦@alex-chen⟧ & ⟦@lisa-wang⟧"], Fields = [new ReplyField("a", "b")], People = [Alex, Lisa] };

        Assert.Equal("On call\nAlex Chen & Lisa <Wang>", BlockKitRenderer.Render(reply).Text);
    }

    [Fact]
    public void Render_EmptyReply_StillHasFallbackText()
    {
        var message = BlockKitRenderer.Render(new Reply());

        Assert.False(string.IsNullOrEmpty(message.Text));
        Assert.Empty(message.Blocks);
    }

    public static TheoryData<string> Replies() => new()
    {
        "normal",
        "oversized",
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task Render_AsPostMessageAndSlashReply_PassesSlackValidators(string kind)
    {
        var reply = kind == "normal"
            ? new Reply
            {
                Heading = "Aggregate Profit",
                Text = ["⟦@alex-chen⟧ is on call until Friday 5:00 PM EST"],
                Fields = [new ReplyField("Primary", "⟦@alex-chen⟧"), new ReplyField("Secondary", "⟦@lisa-wang⟧")],
                Table = new ReplyTable(["Week", "Primary"], [["Nov 23", "⟦@alex-chen⟧"], ["Nov 30", "⟦@lisa-wang⟧"]]),
                Context = ["Ask `/oncall help` for more"],
                Buttons = [new ReplyButton("Accept", "swap-accept", "swap-1", ButtonStyle.Primary), new ReplyButton("Decline", "swap-decline", "swap-1", ButtonStyle.Danger)],
                People = [Alex, Lisa],
                Tone = ReplyTone.Warning,
            }
            : new Reply
            {
                Heading = new string('H', 400),
                Text = [.. Enumerable.Range(0, 30).Select(i => new string('x', 3500) + " & <b>")],
                Fields = [.. Enumerable.Range(0, 33).Select(i => new ReplyField(new string('L', 50), new string('v', 2500)))],
                Context = [.. Enumerable.Range(0, 15).Select(i => new string('c', 2500))],
                Buttons = [.. Enumerable.Range(0, 30).Select(i => new ReplyButton(new string('b', 90), i % 2 == 0 ? "same" : new string('z', 260), "v"))],
            };
        var message = BlockKitRenderer.Render(reply);

        var post = message.WriteTo(new JsonObject { ["channel"] = "C0TEAM" });
        var respond = message.WriteTo(new JsonObject { ["response_type"] = "ephemeral" });

        var postResult = await Validators.ValidateBlocksAsync(post.ToJsonString());
        var respondResult = await Validators.ValidateBlocksAsync(respond.ToJsonString());
        Assert.True(postResult.ExitCode == 0, postResult.Output);
        Assert.True(respondResult.ExitCode == 0, respondResult.Output);
    }

    [Fact]
    public async Task Validators_BrokenExample_Fails()
    {
        var broken = Path.Combine(Validators.RepoRoot, "tools", "validators", "examples", "slack", "broken-post-message.json");

        var (exitCode, _) = await Validators.RunAsync("validate-blocks", broken);

        Assert.Equal(1, exitCode);
    }
}
