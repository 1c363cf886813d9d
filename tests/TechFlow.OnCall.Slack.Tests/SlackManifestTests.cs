using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests;

public class SlackManifestTests
{
    private static readonly string Manifest = Path.Combine(Validators.RepoRoot, "manifests", "slack", "manifest.yml");
    private static readonly string SocketManifest = Path.Combine(Validators.RepoRoot, "manifests", "slack", "manifest.socket-mode.yml");

    [Theory]
    [InlineData("manifest.yml")]
    [InlineData("manifest.socket-mode.yml")]
    public async Task Manifest_PassesSlackManifestValidator(string file)
    {
        var (exitCode, output) = await Validators.RunAsync("validate-slack-manifest", Path.Combine(Validators.RepoRoot, "manifests", "slack", file), "--warnings-as-errors");

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    [InlineData("socket_mode_enabled: false")]
    public async Task Manifest_HttpVariant_PointsAtOurRoutes(string expected) =>
        Assert.Contains(expected, await File.ReadAllTextAsync(Manifest), StringComparison.Ordinal);

    [Theory]
    [InlineData("command: /oncall")]
    [InlineData("- app_mention")]
    [InlineData("- message.im")]
    [InlineData("- app_home_opened")]
    [InlineData("home_tab_enabled: true")]
    [InlineData("callback_id: oncall_swap")]
    [InlineData("callback_id: oncall_timeoff")]
    [InlineData("callback_id: oncall_page")]
    [InlineData("callback_id: oncall_page_message")]
    [InlineData("- users:read.email")]
    [InlineData("- channels:history")]
    [InlineData("- groups:history")]
    public async Task Manifest_BothVariants_HaveTheSameFeaturesAndScopes(string expected)
    {
        Assert.Contains(expected, await File.ReadAllTextAsync(Manifest), StringComparison.Ordinal);
        Assert.Contains(expected, await File.ReadAllTextAsync(SocketManifest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_SocketModeVariant_HasNoRequestUrls()
    {
        var text = await File.ReadAllTextAsync(SocketManifest);

        Assert.Contains("socket_mode_enabled: true", text, StringComparison.Ordinal);
        Assert.DoesNotContain("url:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://oncall.example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_Variants_DifferOnlyInTransport()
    {
        static IEnumerable<string> Features(string text) => text.Split('\n')
            .Where(l => !l.TrimStart().StartsWith('#') && !l.Contains("url:", StringComparison.Ordinal) && !l.Contains("socket_mode_enabled", StringComparison.Ordinal));

        Assert.Equal(Features(await File.ReadAllTextAsync(Manifest)), Features(await File.ReadAllTextAsync(SocketManifest)));
    }
}
