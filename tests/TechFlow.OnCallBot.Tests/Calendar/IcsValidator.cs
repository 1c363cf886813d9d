using System.Diagnostics;

namespace TechFlow.OnCallBot.Tests.Calendar;

/// <summary>Runs tools/validators/bin/validate-ics (ical.js plus RFC 5545 structure) on a feed; install with <c>npm ci</c> there.</summary>
internal static class IcsValidator
{
    public static (int ExitCode, string Output) Check(string ics)
    {
        var dir = Path.Combine(Root(), "tools", "validators");
        Assert.True(Directory.Exists(Path.Combine(dir, "node_modules")), "run `npm ci` in tools/validators first (test.sh does)");
        var file = Path.Combine(Path.GetTempPath(), $"feed-{Guid.NewGuid():N}.ics");
        File.WriteAllText(file, ics);
        try
        {
            var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
            psi.ArgumentList.Add(Path.Combine(dir, "bin", "validate-ics"));
            psi.ArgumentList.Add(file);
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Root()
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
