using Faq.Core.Analysis;
using Faq.Core.Answering;
using Faq.Core.Embeddings;
using Faq.Core.Matching;
using Faq.Core.Triage;
using Faq.MiniLM;
using Faq.Tests.Shared;
using Microsoft.Extensions.AI;
using Moq;

namespace Faq.Core.Tests.Triage;

/// <summary>The triage's use of the embedding model: once-only exemplars, and never a missed emergency when the model
/// cannot be used.</summary>
public sealed class UrgentTriageModelTests
{
    private static Mock<IEmbeddingGenerator<string, Embedding<float>>> ThrowingGenerator()
    {
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator
            .Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MiniLmUnavailableException("The sentence-embedding model all-MiniLM-L6-v2 was not loaded within 15 s."));
        return generator;
    }

    [Theory]
    [MemberData(nameof(UrgentTriageTests.Emergencies), MemberType = typeof(UrgentTriageTests))]
    public async Task WhenTheModelIsUnavailableEmergenciesAreStillUrgent(string message, UrgentCategory expected)
    {
        var triage = new UrgentTriage(ThrowingGenerator().Object);
        var result = await triage.AssessAsync(message);
        Assert.True(result.IsUrgent, message);
        Assert.Equal(expected, result.Category);
    }

    [Theory]
    [InlineData("my breathing feels all wrong", UrgentCategory.Breathing)]
    [InlineData("my husband's face looks odd", UrgentCategory.Stroke)]
    public async Task WhenTheModelIsUnavailableTheModelFreeLayerErrsOnTheSideOfUrgent(string message, UrgentCategory expected)
    {
        var result = await new UrgentTriage(ThrowingGenerator().Object).AssessAsync(message);
        Assert.Equal(expected, result.Category);
        Assert.Equal(TriageBasis.ModelFree, result.Basis);
        Assert.True(result.ModelUnavailable);
    }

    [Fact]
    public async Task AMessageIsNotHeldUpByAModelStillLoadingTheModelFreeLayerDecidesAfterTheWait()
    {
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator
            .Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(async (IEnumerable<string> _, EmbeddingGenerationOptions? _, CancellationToken ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct); // loading for ever
                return new GeneratedEmbeddings<Embedding<float>>();
            });
        var triage = new UrgentTriage(generator.Object, TimeSpan.FromMilliseconds(200));

        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await triage.AssessAsync("my breathing feels all wrong");

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), "the message waited for the model");
        Assert.Equal(UrgentCategory.Breathing, result.Category);
        Assert.True(result.ModelUnavailable);
    }

    [Fact]
    public async Task AMessageDecidedByItsWordsDoesNotWaitForTheModel()
    {
        var generator = ThrowingGenerator();
        var result = await new UrgentTriage(generator.Object).AssessAsync("I can't breathe");
        Assert.Equal(TriageBasis.Pattern, result.Basis);
        Assert.False(result.ModelUnavailable);
        generator.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task TheExemplarsAreEmbeddedOnceForAllCallers()
    {
        var batches = 0;
        var generator = Counting(SharedEmbedder.Instance, values => { if (values.Count > 1) { Interlocked.Increment(ref batches); } });
        var triage = new UrgentTriage(generator);
        var messages = Enumerable.Range(0, 16).Select(i => $"question number {i} about parking").ToList();
        await Task.WhenAll(messages.Select(m => triage.AssessAsync(m).AsTask()));
        await triage.AssessAsync("and one more about the cost");
        Assert.Equal(1, batches);
    }

    [Fact]
    public async Task AFailedExemplarEmbeddingIsTriedAgainOnTheNextMessage()
    {
        var failures = 1;
        var inner = SharedEmbedder.Instance;
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator
            .Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<string> values, EmbeddingGenerationOptions? options, CancellationToken ct) =>
                values.Count() > 1 && Interlocked.Decrement(ref failures) >= 0
                    ? throw new MiniLmUnavailableException("still loading")
                    : inner.GenerateAsync(values, options, ct));
        var triage = new UrgentTriage(generator.Object);

        Assert.True((await triage.AssessAsync("every breath feels like a fight")).ModelUnavailable);
        var again = await triage.AssessAsync("every breath feels like a fight");
        Assert.False(again.ModelUnavailable);
        Assert.Equal(TriageBasis.Similarity, again.Basis);
    }

    [Fact]
    public async Task AnotherModelsVectorsAreNotReadWithThresholdsChosenForMiniLm()
    {
        using var generator = new HashedNgramEmbeddingGenerator(TextAnalyzer.Default);
        var result = await new UrgentTriage(generator).AssessAsync("my breathing feels all wrong");
        Assert.True(result.ModelUnavailable);
        Assert.Equal(TriageBasis.ModelFree, result.Basis);
    }

    [Fact]
    public async Task TheQuestionIsEmbeddedOnceForTriageAndMatching()
    {
        var cache = new EmbeddingCache(SharedEmbedder.Instance); // not disposed: that would dispose the shared model
        var index = await FaqIndex.BuildAsync(TestData.CuratedEntries(), TextAnalyzer.Default, cache);
        var triage = new UrgentTriage(cache);
        await triage.WarmUpAsync();
        var answerer = new FaqAnswerer(new AnsweringOptions(), new ClinicProfile(), triage);
        var misses = cache.Misses;

        var reply = await answerer.AnswerAsync(index, "how long does a dry needling appointment take, roughly?");

        Assert.NotEqual(AnswerOutcome.Urgent, reply.Outcome);
        Assert.Equal(misses + 1, cache.Misses);
    }

    [Fact]
    public async Task WarmingUpATriageWithoutAModelIsAMistake() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => UrgentTriage.WithoutModel.WarmUpAsync());

    private static IEmbeddingGenerator<string, Embedding<float>> Counting(
        IEmbeddingGenerator<string, Embedding<float>> inner, Action<IReadOnlyList<string>> onCall)
    {
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator
            .Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<string> values, EmbeddingGenerationOptions? options, CancellationToken ct) =>
            {
                var list = values.ToList();
                onCall(list);
                return inner.GenerateAsync(list, options, ct);
            });
        return generator.Object;
    }
}
