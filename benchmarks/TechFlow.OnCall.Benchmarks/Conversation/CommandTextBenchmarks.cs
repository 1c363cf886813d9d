using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;

namespace TechFlow.OnCall.Benchmarks.Conversation;

/// <summary>
/// Pipeline matching (what every <c>/oncall …</c> and question runs first) on a 10 KB text, the seed team's seven
/// pipelines with their aliases: unknown words, one shared word repeated, and a pipeline followed by 10 KB. The
/// target is under 50 ms each (issue 12); before the fix a 10 KB text took 66–117 s.
/// </summary>
[MemoryDiagnoser]
public class CommandTextBenchmarks : IDisposable
{
    private readonly LiteDbStore _store = new(":memory:");
    private PipelineCatalog _catalog = null!;
    private string _unknownWords = "";
    private string _sharedWord = "";
    private string _pipelineThenText = "";

    [GlobalSetup]
    public void Setup()
    {
        var pipelines = SeedPipelines();
        ((IOnCallStore)_store).Write(tx => pipelines.ForEach(p => tx.Set<Pipeline>().Upsert(p)));
        _catalog = new PipelineCatalog(_store);
        _unknownWords = TenKilobytes("lorem ipsum dolor sit amet");
        _sharedWord = TenKilobytes("profit").Trim();
        _pipelineThenText = "aggregate profit " + TenKilobytes("numbers missing again");
        _ = _catalog.Match("warm up");
    }

    [Benchmark]
    public PipelineMatch TenKilobytesOfUnknownWords() => _catalog.Match(_unknownWords);

    [Benchmark]
    public PipelineMatch TenKilobytesOfOneSharedWord() => _catalog.Match(_sharedWord);

    [Benchmark]
    public PipelineMatch PipelineThenTenKilobytes() => _catalog.Match(_pipelineThenText);

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string TenKilobytes(string seed)
    {
        var sb = new StringBuilder();
        while (sb.Length < 10 * 1024)
        {
            sb.Append(seed).Append(' ');
        }

        return sb.ToString(0, 10 * 1024);
    }

    /// <summary>Names, ids and aliases of the pipelines in the seed team file.</summary>
    private static List<Pipeline> SeedPipelines()
    {
        using var seed = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "TechFlow.OnCallBot", "seed", "techflow.json")));
        return [.. seed.RootElement.GetProperty("pipelines").EnumerateArray().Select(p => new Pipeline
        {
            Id = p.GetProperty("id").GetString()!,
            Name = p.GetProperty("name").GetString()!,
            PrimaryOwnerId = p.GetProperty("primaryOwner").GetString()!,
            SecondaryOwnerId = p.GetProperty("secondaryOwner").GetString()!,
            Aliases = [.. p.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!)],
        })];
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TechFlow.OnCallBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
