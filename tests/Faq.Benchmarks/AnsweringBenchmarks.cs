using BenchmarkDotNet.Attributes;
using Faq.Core.Analysis;
using Faq.Core.Answering;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Matching;
using Faq.Core.Triage;
using Faq.MiniLM;

namespace Faq.Benchmarks;

/// <summary>
/// The parts of one /api/ask on the curated FAQ, side by side: urgent triage (model-free, and with the question's
/// vector in the cache), analysis, the sentence-embedding model on a question it has not seen, search and the whole
/// answer for a question the cache holds and for a new one.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentilesConfig))]
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
    private MiniLmEmbeddingGenerator _model = null!;
    private EmbeddingCache _cached = null!;
    private FaqAnswerer _answerer = null!;
    private UrgentTriage _triage = null!;
    private Fusion _fusion = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "faq", "dry-needling.json");
        using var stream = File.OpenRead(path);
        var entries = FaqSet.ReadAsync(stream).GetAwaiter().GetResult();
        var options = new AnsweringOptions();
        (_model, _cached) = BenchmarkModel.Create();
        _index = FaqIndex.BuildAsync(entries, TextAnalyzer.Default, _cached, options.Keyword).GetAwaiter().GetResult();
        _triage = new UrgentTriage(_cached);
        _triage.WarmUpAsync().GetAwaiter().GetResult();
        _answerer = new FaqAnswerer(options, new ClinicProfile(), _triage);
        _fusion = options.Fusion;
    }

    public void Dispose()
    {
        _cached.Dispose();
        GC.SuppressFinalize(this);
    }

    private string Next() => Questions[_next++ % Questions.Length];

    // A question no cache has seen: the rotation's text with a number that changes every call.
    private string NextUnseen() => $"{Questions[_next % Questions.Length]} {_next++}";

    /// <summary>Patterns, signs and the model-free layer: what triage costs without the model.</summary>
    [Benchmark]
    public bool Triage() => UrgentTriage.AssessWithoutModel(Next()).IsUrgent;

    /// <summary>The app's triage on a question whose vector the cache holds (matching embeds it anyway): patterns, signs,
    /// the cache lookup and the similarity to every exemplar.</summary>
    [Benchmark]
    public async Task<bool> TriageWithCachedVector() => (await _triage.AssessAsync(Next())).IsUrgent;

    [Benchmark]
    public int Analyse() => TextAnalyzer.Default.Analyze(Next()).Terms.Count;

    [Benchmark]
    public async Task<float> EmbedUnseen() => (await _model.EmbedAsync(NextUnseen()))[0];

    [Benchmark]
    public async Task<int> SearchCached() => (await _index.SearchAsync(Next(), 8, _fusion)).Candidates.Count;

    [Benchmark]
    public async Task<int> SearchUnseen() => (await _index.SearchAsync(NextUnseen(), 8, _fusion)).Candidates.Count;

    [Benchmark]
    public async Task<AnswerOutcome> AnswerCached() => (await _answerer.AnswerAsync(_index, Next())).Outcome;

    [Benchmark]
    public async Task<AnswerOutcome> AnswerUnseen() => (await _answerer.AnswerAsync(_index, NextUnseen())).Outcome;
}
