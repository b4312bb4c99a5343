using BenchmarkDotNet.Attributes;
using Faq.Core.Analysis;
using Faq.Core.Answering;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Matching;
using Faq.Core.Triage;

namespace Faq.Benchmarks;

/// <summary>
/// The parts of one /api/ask on the curated FAQ, side by side: urgent triage, analysis, search and the whole
/// answer, over the same rotation of patient questions the HTTP load script sends.
/// </summary>
[MemoryDiagnoser]
public class AnsweringBenchmarks : IDisposable
{
    // The questions of tests/Faq.Benchmarks/ask.lua: answered, clarify, fallback and urgent paths.
    private static readonly string[] Questions =
    [
        "Does dry needling hurt?", "how many sessions will I need", "can I run the day after dry needling",
        "is it the same as acupuncture", "what are the side effects", "do you have parking",
        "does insurance cover it", "I can't breathe after my session", "will it help my heel pain",
    ];

    private FaqIndex _index = null!;
    private HashedNgramEmbeddingGenerator _embedder = null!;
    private FaqAnswerer _answerer = null!;
    private Fusion _fusion = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "faq", "dry-needling.json");
        using var stream = File.OpenRead(path);
        var entries = FaqSet.ReadAsync(stream).GetAwaiter().GetResult();
        var options = new AnsweringOptions();
        _embedder = new HashedNgramEmbeddingGenerator(TextAnalyzer.Default);
        _index = FaqIndex.BuildAsync(entries, TextAnalyzer.Default, _embedder, options.Keyword).GetAwaiter().GetResult();
        _answerer = new FaqAnswerer(options, new ClinicProfile());
        _fusion = options.Fusion;
    }

    public void Dispose()
    {
        _embedder.Dispose();
        GC.SuppressFinalize(this);
    }

    private string Next() => Questions[_next++ % Questions.Length];

    [Benchmark]
    public bool Triage() => UrgentTriage.Assess(Next()).IsUrgent;

    [Benchmark]
    public int Analyse() => TextAnalyzer.Default.Analyze(Next()).Terms.Count;

    [Benchmark]
    public float Embed() => _embedder.Embed(Next())[0];

    [Benchmark]
    public async Task<int> Search() => (await _index.SearchAsync(Next(), 8, _fusion)).Candidates.Count;

    [Benchmark]
    public async Task<AnswerOutcome> Answer() => (await _answerer.AnswerAsync(_index, Next())).Outcome;
}
