using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Benchmarks entry point: dotnet run -c Release --project benchmarks/TechFlow.OnCall.Benchmarks -- --filter '*'.</summary>
public partial class Program;
