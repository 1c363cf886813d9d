using TechFlow.OnCall.Core.Runbooks;

namespace TechFlow.OnCall.Core.Tests.Runbooks;

/// <summary>The real runbook files in the repository's runbooks/ folder, and temp copies of them.</summary>
internal static class RunbookFixtures
{
    private static readonly Lazy<IReadOnlyList<Runbook>> Parsed = new(() =>
    {
        var result = RunbookFolder.Read(RepoFolder);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result.Runbooks;
    });

    /// <summary>runbooks/ at the repository root (found by walking up to the solution file).</summary>
    public static string RepoFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TechFlow.OnCallBot.sln")))
            {
                dir = dir.Parent;
            }

            return dir is null
                ? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory)
                : Path.Combine(dir.FullName, "runbooks");
        }
    }

    public static IReadOnlyList<Runbook> All => Parsed.Value;

    public static Runbook Get(string pipelineId) => All.Single(r => r.Id == pipelineId);

    /// <summary>A fresh temp folder holding copies of the real runbook files.</summary>
    public static string CopyToTemp()
    {
        var folder = Path.Combine(Path.GetTempPath(), "runbooks-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RepoFolder, "*.md"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
