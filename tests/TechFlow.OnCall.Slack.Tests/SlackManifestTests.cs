using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests;

public class SlackManifestTests
{
    private static readonly string Manifest = Path.Combine(Validators.RepoRoot, "manifests", "slack", "manifest.yml");

    [Fact]
    public async Task Manifest_PassesSlackManifestValidator()
    {
        var (exitCode, output) = await Validators.RunAsync("validate-slack-manifest", Manifest, "--warnings-as-errors");

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    [InlineData("command: /oncall")]
    [InlineData("- app_mention")]
    [InlineData("- message.im")]
    [InlineData("- users:read.email")]
    [InlineData("- channels:history")]
    [InlineData("- groups:history")]
    public async Task Manifest_PointsAtOurRoutesAndScopes(string expected) =>
        Assert.Contains(expected, await File.ReadAllTextAsync(Manifest), StringComparison.Ordinal);
}
