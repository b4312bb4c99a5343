using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Faq.Benchmarks -- --filter '*'   (see docs/PERFORMANCE.md)
BenchmarkSwitcher.FromAssembly(typeof(Faq.Benchmarks.MatchingBenchmarks).Assembly).Run(args);
