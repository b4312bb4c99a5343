using BenchmarkDotNet.Attributes;
using Faq.Core.Analysis;
using Faq.Core.Answering;
using Faq.Core.Embeddings;
using Faq.Core.Matching;
using Faq.MiniLM;

namespace Faq.Benchmarks;

/// <summary>
/// One question matched against the curated FAQ's size and synthetic sets of 10,000 and 100,000 entries (stored
/// vectors in the shipped model's shape, shipped weights): a question the cache holds, and a new one that runs the model.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentilesConfig))]
public class MatchingBenchmarks : IDisposable
{
    private FaqIndex _index = null!;
    private EmbeddingCache _cached = null!;
    private IReadOnlyList<string> _questions = null!;
    private Fusion _fusion = null!;
    private int _next;

    [Params(23, 10_000, 100_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var entries = SyntheticFaq.Entries(Entries);
        MiniLmEmbeddingGenerator model;
        (model, _cached) = BenchmarkModel.Create();
        _index = FaqIndex.BuildAsync(entries, TextAnalyzer.Default, _cached, null, BenchmarkModel.RandomVectors(entries)).GetAwaiter().GetResult();
        _questions = SyntheticFaq.Questions(entries, 256);
        _fusion = new AnsweringOptions().Fusion;
    }

    public void Dispose()
    {
        _cached.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public async Task<int> SearchCached()
    {
        var question = _questions[_next++ & 255];
        var result = await _index.SearchAsync(question, 5, _fusion);
        return result.Candidates.Count;
    }

    [Benchmark]
    public async Task<int> SearchUnseen()
    {
        var question = $"{_questions[_next & 255]} {_next++}";
        var result = await _index.SearchAsync(question, 5, _fusion);
        return result.Candidates.Count;
    }
}
