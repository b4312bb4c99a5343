using BenchmarkDotNet.Attributes;
using Faq.Core.Analysis;
using Faq.Core.Answering;
using Faq.Core.Embeddings;
using Faq.Core.Matching;

namespace Faq.Benchmarks;

/// <summary>One question matched against FAQ sets of 25 to 100,000 synthetic entries (local embedder, shipped weights).</summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private FaqIndex _index = null!;
    private IReadOnlyList<string> _questions = null!;
    private Fusion _fusion = null!;
    private int _next;

    [Params(25, 1_000, 10_000, 100_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var entries = SyntheticFaq.Entries(Entries);
        _index = FaqIndex.BuildAsync(entries, TextAnalyzer.Default, new HashedNgramEmbeddingGenerator(TextAnalyzer.Default, 256)).GetAwaiter().GetResult();
        _questions = SyntheticFaq.Questions(entries, 256);
        _fusion = new AnsweringOptions().Fusion;
    }

    [Benchmark]
    public async Task<int> Search()
    {
        var question = _questions[_next++ & 255];
        var result = await _index.SearchAsync(question, 5, _fusion);
        return result.Candidates.Count;
    }
}
