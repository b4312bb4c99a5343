using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Faq.Core.Analysis;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Matching;
using Faq.MiniLM;

namespace Faq.Benchmarks;

/// <summary>
/// Building the index: what every start and every refresh does (BM25 postings, stored vectors reused), and what a
/// first start or a model change adds (embedding every question, alternate and answer with the model, batched).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class IndexBuildBenchmarks : IDisposable
{
    private IReadOnlyList<FaqEntry> _entries = null!;
    private IReadOnlyList<EntryVectors?> _stored = null!;
    private MiniLmEmbeddingGenerator _model = null!;

    [Params(1_000, 100_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _entries = SyntheticFaq.Entries(Entries);
        _stored = BenchmarkModel.RandomVectors(_entries);
        _model = new MiniLmEmbeddingGenerator(new MiniLmOptions { IntraOpThreads = Environment.ProcessorCount });
        _model.Loaded.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _model.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public async Task<int> BuildFromStoredVectors() =>
        (await FaqIndex.BuildAsync(_entries, TextAnalyzer.Default, _model, null, _stored)).Entries.Count;

    [Benchmark]
    public async Task<int> EmbedEveryEntry()
    {
        if (Entries > 1_000)
        {
            return 0; // hours of model time; the 1,000-entry figure scales linearly
        }

        return (await new EntryEmbedder(_model).EmbedAsync(_entries)).Count;
    }
}
