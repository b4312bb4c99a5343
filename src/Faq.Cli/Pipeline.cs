using Faq.Core.Analysis;
using Faq.Core.Answering;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Matching;

namespace Faq.Cli;

/// <summary>The answering pipeline with the same defaults the web app uses for /api/ask.</summary>
internal static class Pipeline
{
    public static string DefaultFaqPath => Path.Combine(AppContext.BaseDirectory, "data", "faq", "dry-needling.json");

    public static async Task<(FaqIndex Index, FaqAnswerer Answerer)> LoadAsync(string faqPath, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(faqPath);
        var entries = await FaqSet.ReadAsync(stream, cancellationToken);
        var options = new AnsweringOptions();
        var index = await FaqIndex.BuildAsync(entries, TextAnalyzer.Default, new HashedNgramEmbeddingGenerator(TextAnalyzer.Default), options.Keyword, null, cancellationToken);
        return (index, new FaqAnswerer(options, new ClinicProfile()));
    }
}
