using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Slack.Tests.Support;

/// <summary>Runs tools/validators (Slack's own TypeScript types and documented limits) over files the code produced.</summary>
public static class Validators
{
    /// <summary>The repository root (the folder holding tools/validators).</summary>
    public static string RepoRoot => NodeValidators.RepoRoot;

    /// <summary>Runs <c>bin/<paramref name="tool"/></c> on <paramref name="file"/>; returns the exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string tool, string file, params string[] flags) =>
        NodeValidators.RunAsync(tool, [.. flags, file]);

    /// <summary>Writes <paramref name="json"/> to a temp file and runs validate-blocks on it.</summary>
    public static Task<(int ExitCode, string Output)> ValidateBlocksAsync(string json) =>
        NodeValidators.RunOnTextAsync("validate-blocks", json, ".json");
}
