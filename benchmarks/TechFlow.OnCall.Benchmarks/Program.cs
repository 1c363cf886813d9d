using BenchmarkDotNet.Running;
using TechFlow.OnCall.Benchmarks;

if (args.Contains("--fairness-table"))
{
    FairnessTable.Print(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>
/// Benchmarks entry point: dotnet run -c Release --project benchmarks/TechFlow.OnCall.Benchmarks -- --filter '*'.
/// With <c>--fairness-table</c> it prints each team size's plan time and spreads beside their lower bounds.
/// </summary>
public partial class Program;
