using BenchmarkDotNet.Attributes;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Benchmarks;

/// <summary>How long a 3-year fair plan takes for 4, 12 and 50 engineers with 10% random time off.</summary>
[MemoryDiagnoser]
public class FairScheduleBenchmarks : IDisposable
{
    private FairScheduleScenario? _scenario;

    [Params(4, 12, 50)]
    public int Engineers { get; set; }

    [GlobalSetup]
    public void Setup() => _scenario = new FairScheduleScenario(Engineers);

    [Benchmark]
    public SchedulePlan ThreeYearPlan() => _scenario!.Generator.Generate(_scenario.Request);

    [GlobalCleanup]
    public void Dispose()
    {
        _scenario?.Dispose();
        GC.SuppressFinalize(this);
    }
}
