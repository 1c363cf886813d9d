using BenchmarkDotNet.Attributes;
using TechFlow.OnCall.Core.Runbooks;

namespace TechFlow.OnCall.Benchmarks.Runbooks;

/// <summary>Reading the whole runbooks folder (start-up and reload) and one symptom search (every <c>/oncall runbook P words</c>).</summary>
[MemoryDiagnoser]
public class RunbookBenchmarks
{
    private string _folder = "";
    private Runbook _executive = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = FindFolder();
        _executive = RunbookFolder.Read(_folder).Runbooks.Single(r => r.Id == "executive-investor-aggregate");
    }

    [Benchmark]
    public RunbookParseResults ReadFolder() => RunbookFolder.Read(_folder);

    [Benchmark]
    public IssueMatch? FindIssue() => IssueMatcher.Best(_executive, "executors keep dying with java heap space in the join");

    private static string FindFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TechFlow.OnCallBot.sln")))
                {
                    return Path.Combine(dir.FullName, "runbooks");
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
