using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Teams.Tests.Support;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Teams.Tests;

public sealed class TeamsManifestTests
{
    private static readonly string Folder = Path.Combine(Validators.RepoRoot, "manifests", "teams");

    private static JsonNode Manifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!;

    [Fact]
    public void Manifest_PassesTheTeamsSchemaAndIconChecks()
    {
        var (code, output) = Validators.Run("validate-teams-manifest", "--warnings-as-errors", Path.Combine(Folder, "manifest.json"));

        Assert.True(code == 0, output);
    }

    [Fact]
    public void Manifest_ShortName_IsTheNameHelpMentions()
    {
        Assert.Equal(TeamsFrontEnd.BotName, (string?)Manifest()["name"]!["short"]);
        Assert.Equal("@" + TeamsFrontEnd.BotName, TeamsFrontEnd.Descriptor.CommandPrefix);
    }

    [Fact]
    public void Manifest_BotHasAllThreeScopes()
    {
        var bot = Manifest()["bots"]![0]!;

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void OutlineIcon_IsRgba()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "outline.png"));

        Assert.Equal(6, bytes[25]); // IHDR colour type 6 = RGBA
    }

    [Fact]
    public async Task Commands_EachAnswersWithoutAnError()
    {
        using var bot = TestBot.Create(TeamsHost.Now);
        var titles = Manifest()["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();

        Assert.NotEmpty(titles);
        foreach (var title in titles)
        {
            var reply = await bot.AskAsync(title, "alex-chen", TeamsFrontEnd.Descriptor);
            Assert.True(reply.Tone != ReplyTone.Error, $"'{title}': {PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix)}");
        }
    }
}
