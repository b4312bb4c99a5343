using Faq.Core.Analysis;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Matching;
using Microsoft.Extensions.AI;
using Moq;

namespace Faq.Core.Tests.Matching;

public sealed class FaqIndexTests
{
    private static readonly Fusion Fusion = new();

    [Theory]
    [InlineData("Does dry needling hurt?", "pain")]
    [InlineData("how many appointments", "sessions")]
    [InlineData("dry needling vs acupuncture", "acupuncture")]
    [InlineData("what's the price", "cost")]
    public async Task TheEntryThatMatchesRanksFirst(string question, string expected)
    {
        var index = await TestData.IndexAsync(TestData.SmallSet());
        var result = await index.SearchAsync(question, 3, Fusion);
        Assert.Equal(expected, result.Candidates[0].Entry.Id);
    }

    [Fact]
    public async Task MisspeltWordsStillFindTheirEntry()
    {
        var index = await TestData.IndexAsync(TestData.SmallSet());
        var result = await index.SearchAsync("is dry neeedling the same as accupunture", 3, Fusion);
        Assert.Equal("acupuncture", result.Candidates[0].Entry.Id);
        Assert.True(result.Candidates[0].Keyword > 0);
    }

    [Fact]
    public async Task UnknownWordsAreCountedAsTheUnknownShare()
    {
        var index = await TestData.IndexAsync(TestData.SmallSet());
        var known = await index.SearchAsync("how much does it cost", 3, Fusion);
        var partly = await index.SearchAsync("how much does a zeppelin cost", 3, Fusion);
        Assert.Equal(0, known.UnknownShare, 3);
        Assert.InRange(partly.UnknownShare, 0.1, 0.9);
        Assert.True(partly.Candidates[0].Keyword < known.Candidates[0].Keyword);
    }

    [Fact]
    public async Task QuestionFieldOutweighsTheAnswerField()
    {
        var index = await TestData.IndexAsync(
        [
            TestData.Entry("in-question", "What about orthotics?", "Something else entirely."),
            TestData.Entry("in-answer", "Something else entirely?", "We talk about orthotics here."),
        ]);
        var result = await index.SearchAsync("orthotics", 2, Fusion);
        Assert.Equal("in-question", result.Candidates[0].Entry.Id);
        Assert.True(result.Candidates[0].Keyword > result.Candidates[1].Keyword);
    }

    [Fact]
    public async Task ConfidenceIsCalibratedToLeadOverTheRunnerUp()
    {
        var index = await TestData.IndexAsync(
        [
            TestData.Entry("a", "Can I run after dry needling?"),
            TestData.Entry("b", "Can I run after a dry needling session?"),
            TestData.Entry("c", "How much does it cost?"),
        ]);
        var tie = await index.SearchAsync("can I run after dry needling", 3, Fusion);
        var clear = await index.SearchAsync("how much does it cost", 3, Fusion);
        Assert.All(tie.Candidates.Concat(clear.Candidates), c => Assert.InRange(c.Confidence, 0, 1));
        Assert.True(clear.Candidates[0].Confidence > tie.Candidates[0].Confidence);
    }

    [Fact]
    public async Task AnEmptyIndexReturnsNoCandidates()
    {
        var index = await TestData.IndexAsync([]);
        var result = await index.SearchAsync("anything", 3, Fusion);
        Assert.Empty(result.Candidates);
    }

    [Fact]
    public async Task QuestionEmbeddingFailureFallsBackToKeywordsAndSaysSo()
    {
        var service = TestData.GeneratorThatCanFail(new HttpRequestException("embedding service down"));
        var index = await FaqIndex.BuildAsync(TestData.SmallSet(), TextAnalyzer.Default, service.Generator);
        service.Fail();
        var result = await index.SearchAsync("does it hurt", 3, Fusion);

        Assert.True(result.EmbeddingFailed);
        Assert.Equal("pain", result.Candidates[0].Entry.Id);
        Assert.All(result.Candidates, c => Assert.Equal(0, c.Embedding));
    }

    [Fact]
    public async Task TheBuiltInEmbedderGivesTheSameScoresThroughItsSharedAnalysisAsThroughTheGeneratorInterface()
    {
        var local = new HashedNgramEmbeddingGenerator(TextAnalyzer.Default);
        var wrapped = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        wrapped
            .Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<string> values, EmbeddingGenerationOptions? options, CancellationToken ct) => local.GenerateAsync(values, options, ct));
        var direct = await FaqIndex.BuildAsync(TestData.CuratedEntries(), TextAnalyzer.Default, local);
        var viaInterface = await FaqIndex.BuildAsync(TestData.CuratedEntries(), TextAnalyzer.Default, wrapped.Object);

        foreach (var question in new[] { "Does dry needling hurt?", "can I run the day after", "do you have parking", "Achillés pain" })
        {
            var a = await direct.SearchAsync(question, 5, Fusion);
            var b = await viaInterface.SearchAsync(question, 5, Fusion);
            Assert.Equal(b.Candidates.Select(c => (c.Entry.Id, c.Embedding, c.Confidence)), a.Candidates.Select(c => (c.Entry.Id, c.Embedding, c.Confidence)));
            Assert.Contains(b.Candidates, c => c.Embedding > 0);
        }

        // Questions go through the interface only when the index cannot embed them itself.
        wrapped.Verify(g => g.GenerateAsync(It.Is<IEnumerable<string>>(v => v.Count() == 1), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()), Times.Exactly(4));
    }

    [Fact]
    public async Task CancellationIsNotMistakenForAnEmbeddingFailure()
    {
        var index = await TestData.IndexAsync(TestData.SmallSet());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => index.SearchAsync("does it hurt", 3, Fusion, cancelled.Token));
    }

    [Fact]
    public async Task AGeneratorReturningTheWrongNumberOfVectorsIsRejectedAtBuild()
    {
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator
            .Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GeneratedEmbeddings<Embedding<float>>([new Embedding<float>(new float[8])]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => FaqIndex.BuildAsync(TestData.SmallSet(), TextAnalyzer.Default, generator.Object));
    }

    private static IReadOnlyList<FaqEntry> LargeSet(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new FaqEntry(
            $"entry-{i}", $"question {i} about item{i} and part{i % 97}", [$"item{i} help", $"what is item{i}"], $"answer {i}", [], []))];

    [Fact]
    public async Task LargeIndexesCompareEmbeddingsOnlyForKeywordCandidatesAndStillFindTheEntry()
    {
        var entries = LargeSet(FaqIndex.ExhaustiveEmbeddingLimit + 500);
        var index = await FaqIndex.BuildAsync(entries, TextAnalyzer.Default, new HashedNgramEmbeddingGenerator(TextAnalyzer.Default, 64));

        var result = await index.SearchAsync("what is item4321", 5, new Fusion());

        Assert.Equal("entry-4321", result.Candidates[0].Entry.Id);
        Assert.True(result.Candidates[0].Embedding > 0.5, "the keyword candidate's embedding was compared");
        // Entries without a keyword match were never compared by embedding, so none of them is a candidate.
        var many = await index.SearchAsync("part5 item17", 200, new Fusion());
        Assert.All(many.Candidates, c => Assert.True(c.Keyword > 0));
    }

    [Fact]
    public async Task LargeIndexesCompareEveryEntryWhenNoWordMatches()
    {
        var entries = LargeSet(FaqIndex.ExhaustiveEmbeddingLimit + 500);
        var index = await FaqIndex.BuildAsync(entries, TextAnalyzer.Default, new HashedNgramEmbeddingGenerator(TextAnalyzer.Default, 64));

        var result = await index.SearchAsync("zzqx wwvy", 5, new Fusion());

        Assert.Equal(result.Candidates.Count, result.Candidates.Count(c => c.Keyword <= 0));
        Assert.Contains(result.Candidates, c => c.Embedding > 0);
    }

    /// <summary>Hands out fixed unit vectors: entry "entry-i" (question and alternates alike) gets basis vector i mod 8;
    /// a question "entry-i plus shared" gets that vector plus a large multiple of the index's shared direction.</summary>
    private sealed class BasisGenerator(float[] shared) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public const int Dimensions = 8;

        public static float[] Basis(string text)
        {
            var vector = new float[Dimensions];
            vector[int.Parse(text.Split(' ')[0]["entry-".Length..], System.Globalization.CultureInfo.InvariantCulture) % Dimensions] = 1;
            return vector;
        }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(text =>
            {
                var vector = Basis(text);
                if (text.EndsWith(" plus shared", StringComparison.Ordinal))
                {
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(shared, 5f, vector, vector);
                }

                return new Embedding<float>(vector) { ModelId = "basis" };
            })));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Theory]
    [InlineData(3)]                                          // every variant compared, vectors stored by dimension
    [InlineData(FaqIndex.ExhaustiveEmbeddingLimit + 3)]      // keyword candidates compared, vectors stored by row
    public async Task EmbeddingSimilarityIsTheCosineOfTheCentredVectorsInEitherLayout(int count)
    {
        var entries = Enumerable.Range(0, count).Select(i => TestData.Entry($"entry-{i}", $"entry-{i} question", "An answer.", $"entry-{i} alternate")).ToList();
        // The shared direction the index removes: the unit sum of every variant's vector.
        var shared = new float[BasisGenerator.Dimensions];
        foreach (var entry in entries)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(shared, BasisGenerator.Basis(entry.Id), shared);
            System.Numerics.Tensors.TensorPrimitives.Add(shared, BasisGenerator.Basis(entry.Id), shared);
        }

        System.Numerics.Tensors.TensorPrimitives.Divide(shared, System.Numerics.Tensors.TensorPrimitives.Norm(shared), shared);
        using var generator = new BasisGenerator(shared);
        var index = await FaqIndex.BuildAsync(entries, TextAnalyzer.Default, generator);

        var same = await index.SearchAsync("entry-1 question", 3, Fusion);
        var plusShared = await index.SearchAsync("entry-1 question plus shared", 3, Fusion);

        Assert.Equal("entry-1", same.Candidates[0].Entry.Id);
        Assert.Equal(1.0, same.Candidates[0].Embedding, 4);
        // Adding the shared direction changes nothing: it is removed from the question as from the entries.
        Assert.Equal("entry-1", plusShared.Candidates[0].Entry.Id);
        Assert.Equal(1.0, plusShared.Candidates[0].Embedding, 4);
        // Another basis vector: its centred form points away from entry-1's, so no similarity is left.
        var other = await index.SearchAsync("entry-2 question", count, Fusion);
        Assert.Equal(0, other.Candidates.Single(c => c.Entry.Id == "entry-1").Embedding, 4);
    }
}
