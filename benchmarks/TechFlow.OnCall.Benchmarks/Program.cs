// Benchmarks entry point: dotnet run -c Release --project benchmarks/TechFlow.OnCall.Benchmarks -- --filter '*'.
// With --fairness-table it prints each team size's plan time and spreads beside their lower bounds.
using BenchmarkDotNet.Running;
using TechFlow.OnCall.Benchmarks;

if (args.Contains("--fairness-table"))
{
    FairnessTable.Print(Console.Out);
    return;
}

// Not typeof(Program): the host's Program is referenced too (the lookup benchmarks use its wiring).
BenchmarkSwitcher.FromAssembly(typeof(FairScheduleBenchmarks).Assembly).Run(args);
