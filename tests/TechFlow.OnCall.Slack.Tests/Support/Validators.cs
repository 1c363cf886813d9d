using System.Diagnostics;

namespace TechFlow.OnCall.Slack.Tests.Support;

/// <summary>Runs tools/validators (Slack's own TypeScript types and documented limits) over files the code produced.</summary>
public static class Validators
{
    /// <summary>The repository root (the folder holding tools/validators).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Runs <c>bin/<paramref name="tool"/></c> on <paramref name="file"/>; returns the exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, string file, params string[] flags)
    {
        var dir = Path.Combine(RepoRoot, "tools", "validators");
        Assert.True(Directory.Exists(Path.Combine(dir, "node_modules")),
            "tools/validators/node_modules is missing: run `cd tools/validators && npm ci` (test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(dir, "bin", tool));
        foreach (var flag in flags)
        {
            start.ArgumentList.Add(flag);
        }

        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Writes <paramref name="json"/> to a temp file and runs validate-blocks on it.</summary>
    public static async Task<(int ExitCode, string Output)> ValidateBlocksAsync(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"slack-blocks-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            return await RunAsync("validate-blocks", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("VALIDATORS_DIR");
        if (!string.IsNullOrEmpty(env))
        {
            return Path.GetFullPath(Path.Combine(env, "..", ".."));
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tools", "validators", "package.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("tools/validators not found above " + AppContext.BaseDirectory);
    }
}
