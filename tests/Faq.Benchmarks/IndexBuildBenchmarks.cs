using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Faq.Core.Analysis;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Matching;

namespace Faq.Benchmarks;

/// <summary>Building the index (embedding every question and alternate, BM25 postings) from scratch.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class IndexBuildBenchmarks
{
    private IReadOnlyList<FaqEntry> _entries = null!;

    [Params(1_000, 100_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() => _entries = SyntheticFaq.Entries(Entries);

    [Benchmark]
    public async Task<int> Build()
    {
        var index = await FaqIndex.BuildAsync(_entries, TextAnalyzer.Default, new HashedNgramEmbeddingGenerator(TextAnalyzer.Default, 256));
        return index.Entries.Count;
    }
}
