using System.Diagnostics;

namespace TechFlow.OnCall.Testing;

/// <summary>Runs the Node validators in tools/validators (install them with <c>npm ci</c> there; test.sh does).</summary>
public static class NodeValidators
{
    /// <summary>The repository root (the folder holding tools/validators); <c>VALIDATORS_DIR</c> overrides where they are.</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Runs <c>bin/<paramref name="tool"/></c> with <paramref name="args"/>; returns the exit code and output.</summary>
    /// <exception cref="InvalidOperationException">tools/validators/node_modules is missing.</exception>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> args)
    {
        var dir = Path.Combine(RepoRoot, "tools", "validators");
        if (!Directory.Exists(Path.Combine(dir, "node_modules")))
        {
            throw new InvalidOperationException("tools/validators/node_modules is missing: run `cd tools/validators && npm ci` (test.sh does).");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(dir, "bin", tool));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Writes <paramref name="content"/> to a temp file named <c>*<paramref name="extension"/></c>, runs <paramref name="tool"/> on it, deletes it.</summary>
    public static async Task<(int ExitCode, string Output)> RunOnTextAsync(string tool, string content, string extension, params string[] flags)
    {
        var file = Path.Combine(Path.GetTempPath(), $"{tool}-{Guid.NewGuid():N}{extension}");
        await File.WriteAllTextAsync(file, content);
        try
        {
            return await RunAsync(tool, [.. flags, file]);
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
