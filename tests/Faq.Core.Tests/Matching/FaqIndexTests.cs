using Faq.Core.Analysis;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Matching;
using Faq.Tests.Shared;
using Microsoft.Extensions.AI;
using Moq;

namespace Faq.Core.Tests.Matching;

public sealed class FaqIndexTests
{
    private static readonly Fusion Fusion = new();

    /// <summary>The shipped weights, used with whatever model a test's generator is.</summary>
    private static readonly Fusion AnyModel = new() { ModelId = string.Empty };

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
    public async Task WeightsFittedForAnotherModelAnswerByKeywordOnly()
    {
        var index = await TestData.IndexAsync(TestData.SmallSet());
        var result = await index.SearchAsync("does it hurt", 3, new Fusion { ModelId = "another-model" });
        Assert.All(result.Candidates, c => Assert.Equal(0, c.Embedding));
        Assert.Equal("pain", result.Candidates[0].Entry.Id);
        Assert.Contains(result.Candidates, c => c.Embedding == 0 && c.Keyword > 0);
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
    public async Task CancellationIsNotMistakenForAnEmbeddingFailure()
    {
        var index = await TestData.IndexAsync(TestData.SmallSet());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => index.SearchAsync("does it hurt", 3, Fusion, cancelled.Token));
    }

    [Fact]
    public async Task AnIndexWhoseEntriesCannotBeEmbeddedMatchesByKeywordAndSaysWhy()
    {
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator
            .Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("The sentence-embedding model could not be loaded: out of memory"));
        var index = await FaqIndex.BuildAsync(TestData.SmallSet(), TextAnalyzer.Default, generator.Object);

        Assert.Equal(0, index.Dimensions);
        Assert.Contains("out of memory", index.EmbeddingFailure, StringComparison.Ordinal);
        var result = await index.SearchAsync("does it hurt", 3, Fusion);
        Assert.True(result.EmbeddingFailed);
        Assert.Equal("pain", result.Candidates[0].Entry.Id);
    }

    [Fact]
    public async Task AGeneratorReturningTheWrongNumberOfVectorsLeavesTheIndexKeywordOnly()
    {
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator
            .Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GeneratedEmbeddings<Embedding<float>>([new Embedding<float>(new float[8])]));
        var index = await FaqIndex.BuildAsync(TestData.SmallSet(), TextAnalyzer.Default, generator.Object);
        Assert.Contains("returned 1 vectors", index.EmbeddingFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredVectorsThatFitAreReusedAndOnlyTheOthersAreEmbedded()
    {
        var entries = TestData.SmallSet();
        var first = await TestData.IndexAsync(entries);
        var embedder = new EntryEmbedder(SharedEmbedder.Instance);
        var stored = await embedder.EmbedAsync(entries);
        var changed = entries.Select((e, i) => i == 0 ? e with { Alternates = [.. e.Alternates, "will it sting"] } : e).ToList();

        var index = await FaqIndex.BuildAsync(changed, TextAnalyzer.Default, SharedEmbedder.Instance, null, stored);

        Assert.Equal(1, index.ComputedVectors);
        Assert.Equal(entries.Count, first.ComputedVectors);
        Assert.Equal("pain", (await index.SearchAsync("will it sting", 1, Fusion)).Candidates[0].Entry.Id);
    }

    [Fact]
    public async Task AQuestionTheAnswerSpeaksToFindsItsEntryThroughTheAnswer()
    {
        var index = await TestData.IndexAsync(
        [
            TestData.Entry("shoes", "Which shoes should I wear?", "Wear supportive trainers with a firm heel counter."),
            TestData.Entry("kids", "Can children have it?", "We treat patients from the age of 14, with a parent present."),
        ]);
        var result = await index.SearchAsync("my son is twelve, is he old enough", 2, Fusion);
        var kids = result.Candidates.Single(c => c.Entry.Id == "kids");
        var shoes = result.Candidates.Single(c => c.Entry.Id == "shoes");
        Assert.True(kids.AnswerEmbedding > shoes.AnswerEmbedding);
        Assert.Equal("kids", result.Candidates[0].Entry.Id);
    }

    private static IReadOnlyList<FaqEntry> LargeSet(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new FaqEntry(
            $"entry-{i}", $"question {i} about item{i} and part{i % 97}", [$"item{i} help", $"what is item{i}"], $"answer {i}", [], []))];

    [Fact]
    public async Task LargeIndexesCompareEmbeddingsOnlyForKeywordCandidatesAndStillFindTheEntry()
    {
        var entries = LargeSet(FaqIndex.ExhaustiveEmbeddingLimit + 500);
        var index = await FaqIndex.BuildAsync(entries, TextAnalyzer.Default, new HashedNgramEmbeddingGenerator(TextAnalyzer.Default, 64));

        var result = await index.SearchAsync("what is item4321", 5, AnyModel);

        Assert.Equal("entry-4321", result.Candidates[0].Entry.Id);
        Assert.True(result.Candidates[0].Embedding > 0.5, "the keyword candidate's embedding was compared");
        // Entries without a keyword match were never compared by embedding, so none of them is a candidate.
        var many = await index.SearchAsync("part5 item17", 200, AnyModel);
        Assert.All(many.Candidates, c => Assert.True(c.Keyword > 0));
    }

    [Fact]
    public async Task LargeIndexesCompareEveryEntryWhenNoWordMatches()
    {
        var entries = LargeSet(FaqIndex.ExhaustiveEmbeddingLimit + 500);
        var index = await FaqIndex.BuildAsync(entries, TextAnalyzer.Default, new HashedNgramEmbeddingGenerator(TextAnalyzer.Default, 64));

        var result = await index.SearchAsync("zzqx wwvy", 5, AnyModel);

        Assert.Equal(result.Candidates.Count, result.Candidates.Count(c => c.Keyword <= 0));
        Assert.Contains(result.Candidates, c => c.Embedding > 0);
    }

    /// <summary>Hands out fixed unit vectors: entry "entry-i" (question, alternates and answer alike) gets basis vector i mod 8.</summary>
    private sealed class BasisGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public const int Dimensions = 8;

        public static float[] Basis(string text)
        {
            var vector = new float[Dimensions];
            vector[int.Parse(text.Split(' ')[0]["entry-".Length..], System.Globalization.CultureInfo.InvariantCulture) % Dimensions] = 1;
            return vector;
        }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(text => new Embedding<float>(Basis(text)) { ModelId = "basis" })));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Theory]
    [InlineData(3)]                                          // every entry compared
    [InlineData(FaqIndex.ExhaustiveEmbeddingLimit + 3)]      // keyword candidates compared
    public async Task EmbeddingSimilarityIsTheBestCosineOfTheEntrysQuestionsAndItsAnswersCosine(int count)
    {
        var entries = Enumerable.Range(0, count).Select(i => TestData.Entry($"entry-{i}", $"entry-{i} question", $"entry-{i} answer", $"entry-{i} alternate")).ToList();
        using var generator = new BasisGenerator();
        var index = await FaqIndex.BuildAsync(entries, TextAnalyzer.Default, generator);

        var fusion = new Fusion { ModelId = "basis" };
        var same = await index.SearchAsync("entry-1 question", 3, fusion);
        Assert.Equal("entry-1", same.Candidates[0].Entry.Id);
        Assert.Equal(1.0, same.Candidates[0].Embedding, 4);
        Assert.Equal(1.0, same.Candidates[0].AnswerEmbedding, 4);
        // Another basis vector is orthogonal: no similarity at all.
        var other = await index.SearchAsync("entry-2 question", count, fusion);
        Assert.Equal(0, other.Candidates.Single(c => c.Entry.Id == "entry-1").Embedding, 4);
    }
}
