using Faq.Core.Analysis;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Matching;
using Microsoft.Extensions.AI;
using Moq;

namespace Faq.Core.Tests;

internal static class TestData
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, .. parts]);

    public static IReadOnlyList<FaqEntry> CuratedEntries() => FaqSet.Parse(File.ReadAllText(Path("data", "faq", "dry-needling.json")));

    public static FaqEntry Entry(string id, string question, string answer = "An answer.", params string[] alternates) =>
        new(id, question, alternates, answer, [], []);

    public static Task<FaqIndex> IndexAsync(IReadOnlyList<FaqEntry> entries) =>
        FaqIndex.BuildAsync(entries, TextAnalyzer.Default, new HashedNgramEmbeddingGenerator(TextAnalyzer.Default));

    /// <summary>An embedding generator that works while the index is built, then fails on every question.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> GeneratorFailingAfterBuild(Exception failure)
    {
        var local = new HashedNgramEmbeddingGenerator(TextAnalyzer.Default);
        var calls = 0;
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator
            .Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<string> values, EmbeddingGenerationOptions? options, CancellationToken ct) =>
                ++calls == 1 ? local.GenerateAsync(values, options, ct) : throw failure);
        return generator.Object;
    }

    public static IReadOnlyList<FaqEntry> SmallSet() =>
    [
        Entry("pain", "Does dry needling hurt?", "Most people feel a brief twitch.", "Is it painful?"),
        Entry("sessions", "How many sessions will I need?", "Usually two to four.", "How many visits does it take?"),
        Entry("acupuncture", "Is dry needling the same as acupuncture?", "No: trigger points versus meridians."),
        Entry("cost", "How much does it cost?", "Ask the front desk."),
    ];
}
