using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Teams.Tests.Support;

/// <summary>Runs the Node validators in tools/validators (install them with <c>npm ci</c> there; test.sh does).</summary>
public static class Validators
{
    public static string RepoRoot => NodeValidators.RepoRoot;

    public static (int ExitCode, string Output) Run(string tool, params string[] files) =>
        NodeValidators.RunAsync(tool, files).GetAwaiter().GetResult();

    /// <summary>Writes <paramref name="json"/> to a temp file and validates it with validate-card (max version 1.5).</summary>
    public static (int ExitCode, string Output) Card(string json) =>
        NodeValidators.RunOnTextAsync("validate-card", json, ".json", "--warnings-as-errors").GetAwaiter().GetResult();
}
