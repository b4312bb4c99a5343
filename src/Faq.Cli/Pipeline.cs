using Faq.Core.Analysis;
using Faq.Core.Answering;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Evaluation;
using Faq.Core.Languages;
using Faq.Core.Matching;
using Faq.Core.Triage;
using Faq.MiniLM;
using Microsoft.Extensions.AI;

namespace Faq.Cli;

/// <summary>The answering pipeline with the same defaults the web app uses for /api/ask.</summary>
internal static class Pipeline
{
    public static string DefaultFaqPath => Path.Combine(AppContext.BaseDirectory, "data", "faq", "dry-needling.json");

    /// <summary>The app's default embedder: the shipped sentence-embedding model behind a question cache. One
    /// inference thread per call, as in the app, unless a command measures a single caller.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> DefaultEmbedder(int threads = 1) =>
        new EmbeddingCache(new MiniLmEmbeddingGenerator(new MiniLmOptions { IntraOpThreads = threads }));

    public static async Task<IReadOnlyList<FaqEntry>> ReadFaqAsync(string faqPath, CancellationToken cancellationToken)
    {
        // The FAQ file and its translations beside it (dry-needling.es.json), as the app seeds them.
        return await FaqSet.ReadWithTranslationsAsync(faqPath, cancellationToken);
    }

    /// <summary>Labelled questions from a JSON-lines file; null, with the reason on standard error, when the file is missing
    /// or a line is malformed.</summary>
    public static async Task<IReadOnlyList<EvalCase>?> ReadCasesAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"No such file: {file.FullName}");
            return null;
        }

        try
        {
            return EvalCase.ParseLines(await File.ReadAllTextAsync(file.FullName, cancellationToken));
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync($"{file.Name}: {ex.Message}");
            return null;
        }
    }

    /// <summary>The index and an answerer whose urgent triage reads similarity with the same embedder (so a question
    /// is embedded once), or, with <paramref name="triageWithoutModel"/>, the model-free triage the app falls back to
    /// while the model is unavailable.</summary>
    public static async Task<(FaqIndex Index, FaqAnswerer Answerer)> LoadAsync(
        string faqPath, IEmbeddingGenerator<string, Embedding<float>> embedder, CancellationToken cancellationToken, bool triageWithoutModel = false)
    {
        var entries = await ReadFaqAsync(faqPath, cancellationToken);
        var options = new AnsweringOptions();
        var index = await LocalizedIndex.AttachAsync(
            await FaqIndex.BuildAsync(entries, TextAnalyzer.Default, embedder, options.Keyword, null, cancellationToken), embedder, options.Keyword, cancellationToken);
        if (index.EmbeddingFailure is { } failure)
        {
            await Console.Error.WriteLineAsync($"The embedding model is unavailable, so this runs keyword-only: {failure}");
        }

        var triage = triageWithoutModel ? UrgentTriage.WithoutModel : new UrgentTriage(embedder);
        return (index, new FaqAnswerer(options, new ClinicProfile(), triage));
    }
}
