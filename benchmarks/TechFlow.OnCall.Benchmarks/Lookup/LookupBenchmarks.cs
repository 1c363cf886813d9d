using BenchmarkDotNet.Attributes;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Benchmarks.Lookup;

/// <summary>
/// What one <c>/oncall aggregate profit</c> costs inside the process, without HTTP: the question through the
/// conversation (pipeline match, effective schedule, escalation chain, calendar) and the Block Kit rendering.
/// </summary>
[MemoryDiagnoser]
public class LookupBenchmarks : IDisposable
{
    private static readonly BotInput Question = new() { FrontEnd = TechFlow.OnCall.Slack.SlackFrontEnd.Descriptor, EngineerId = "alex-chen", Text = "aggregate profit" };
    private LookupScenario? _scenario;

    [GlobalSetup]
    public void Setup() => _scenario = new LookupScenario();


    [Benchmark(Description = "/oncall aggregate profit → Block Kit")]
    public object AggregateProfit() => BlockKitRenderer.Render(_scenario!.Conversation.AskAsync(Question).AsTask().GetAwaiter().GetResult());

    [Benchmark(Description = "/oncall → Block Kit")]
    public object OnCallNow() => BlockKitRenderer.Render(_scenario!.Conversation.AskAsync(Question with { Text = "" }).AsTask().GetAwaiter().GetResult());

    [GlobalCleanup]
    public void Dispose()
    {
        _scenario?.Dispose();
        GC.SuppressFinalize(this);
    }
}
