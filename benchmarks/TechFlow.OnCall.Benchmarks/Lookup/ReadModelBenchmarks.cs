using BenchmarkDotNet.Attributes;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.ReadModel;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Benchmarks.Lookup;

/// <summary>
/// What keeping the read model fresh costs: loading a snapshot from the store (a year of shifts, the roster, the
/// policy), and a committed write that touches it followed by the next answer (the reload is inside).
/// </summary>
[MemoryDiagnoser]
public class ReadModelBenchmarks : IDisposable
{
    private static readonly BotInput Question = new() { FrontEnd = TechFlow.OnCall.Slack.SlackFrontEnd.Descriptor, EngineerId = "alex-chen", Text = "aggregate profit" };
    private LookupScenario? _scenario;
    private TeamClock? _clock;
    private int _edits;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = new LookupScenario();
        _clock = _scenario.Get<TeamClock>();
    }

    [Benchmark(Description = "load a snapshot")]
    public ReadModelSnapshot Load() => ReadModelSnapshot.Load(_scenario!.Store, _clock!, 0);

    [Benchmark(Description = "commit time off, then /oncall aggregate profit")]
    public object CommitThenAnswer()
    {
        var reason = "benchmark " + _edits++;
        _scenario!.Store.Write(tx => tx.Set<TimeOff>().Upsert(new TimeOff
        {
            Id = "benchmark-time-off",
            EngineerId = "mike-rodriguez",
            From = new DateOnly(2027, 3, 1),
            To = new DateOnly(2027, 3, 5),
            Reason = reason,
        }));
        return BlockKitRenderer.Render(_scenario.Conversation.AskAsync(Question).AsTask().GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _scenario?.Dispose();
        GC.SuppressFinalize(this);
    }
}
