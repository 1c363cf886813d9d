using System.Diagnostics;

namespace TechFlow.OnCall.Teams.Tests.Support;

/// <summary>Runs the Node validators in tools/validators (install them with <c>npm ci</c> there; test.sh does).</summary>
public static class Validators
{
    public static string RepoRoot { get; } = FindRoot();

    public static (int ExitCode, string Output) Run(string tool, params string[] files)
    {
        var dir = Path.Combine(RepoRoot, "tools", "validators");
        Assert.True(Directory.Exists(Path.Combine(dir, "node_modules")), "run `npm ci` in tools/validators first (test.sh does)");
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        psi.ArgumentList.Add(Path.Combine(dir, "bin", tool));
        foreach (var file in files)
        {
            psi.ArgumentList.Add(file);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Writes <paramref name="json"/> to a temp file and validates it with validate-card (max version 1.5).</summary>
    public static (int ExitCode, string Output) Card(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"card-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            return Run("validate-card", "--warnings-as-errors", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TechFlow.OnCallBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
