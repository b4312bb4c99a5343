using Faq.Core.Analysis;
using Faq.Core.Content;
using Faq.Tests.Shared;
using Faq.Core.Matching;
using Microsoft.Extensions.AI;
using Moq;

namespace Faq.Core.Tests;

internal static class TestData
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, .. parts]);

    public static IReadOnlyList<FaqEntry> CuratedEntries() => FaqSet.Parse(File.ReadAllText(Path("data", "faq", "dry-needling.json")));

    /// <summary>The curated FAQ with its curated Spanish text, as the app seeds it.</summary>
    public static IReadOnlyList<FaqEntry> CuratedEntriesWithSpanish() =>
        FaqSet.AddTranslation(CuratedEntries(), "es", FaqSet.Parse(File.ReadAllText(Path("data", "faq", "dry-needling.es.json"))));

    public static FaqEntry Entry(string id, string question, string answer = "An answer.", params string[] alternates) =>
        new(id, question, alternates, answer, [], []);

    public static Task<FaqIndex> IndexAsync(IReadOnlyList<FaqEntry> entries) =>
        FaqIndex.BuildAsync(entries, TextAnalyzer.Default, SharedEmbedder.Instance);

    /// <summary>
    /// An embedding generator that works until <see cref="FaultyGenerator.Fail"/> is called, then throws on
    /// every request: the embedding service going down after the index was built.
    /// </summary>
    public static FaultyGenerator GeneratorThatCanFail(Exception failure)
    {
        var local = SharedEmbedder.Instance;
        var failing = false;
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator
            .Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<string> values, EmbeddingGenerationOptions? options, CancellationToken ct) =>
                failing ? throw failure : local.GenerateAsync(values, options, ct));
        return new FaultyGenerator(generator.Object, () => failing = true);
    }

    public sealed record FaultyGenerator(IEmbeddingGenerator<string, Embedding<float>> Generator, Action Fail);

    public static IReadOnlyList<FaqEntry> SmallSet() =>
    [
        Entry("pain", "Does dry needling hurt?", "Most people feel a brief twitch.", "Is it painful?"),
        Entry("sessions", "How many sessions will I need?", "Usually two to four.", "How many visits does it take?"),
        Entry("acupuncture", "Is dry needling the same as acupuncture?", "No: trigger points versus meridians."),
        Entry("cost", "How much does it cost?", "Ask the front desk."),
    ];
}
