using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Faq.MiniLM.Tests;

/// <summary>One model per test class run: loading it is the expensive part.</summary>
public sealed class SharedModel : IDisposable
{
    public MiniLmEmbeddingGenerator Generator { get; } = new();

    public void Dispose() => Generator.Dispose();
}

public sealed class MiniLmEmbeddingGeneratorTests(SharedModel model) : IClassFixture<SharedModel>
{
    private readonly MiniLmEmbeddingGenerator _generator = model.Generator;

    [Fact]
    public async Task ReproducesTheReferenceModelsPublishedSimilarities()
    {
        // The sentence-transformers documentation's example for all-MiniLM-L6-v2: matching it to three decimals
        // means tokenizer, model, pooling and normalisation all match the reference implementation.
        var vectors = await EmbedAsync("The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium.");
        Assert.Equal(0.6660, Cosine(vectors[0], vectors[1]), 3);
        Assert.Equal(0.1046, Cosine(vectors[0], vectors[2]), 3);
        Assert.Equal(0.1411, Cosine(vectors[1], vectors[2]), 3);
    }

    [Fact]
    public async Task VectorsAreUnitLengthWithTheModelsIdAndDimensions()
    {
        var embeddings = await _generator.GenerateAsync(["Does dry needling hurt?"]);
        var vector = Assert.Single(embeddings).Vector.Span;
        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, vector.Length);
        Assert.Equal(1.0, TensorPrimitives.Norm(vector), 4);
        Assert.Equal(MiniLmEmbeddingGenerator.ModelId, embeddings[0].ModelId);
        var metadata = _generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal(MiniLmEmbeddingGenerator.ModelId, metadata?.DefaultModelId);
        Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, metadata?.DefaultModelDimensions);
    }

    [Fact]
    public async Task ABatchOfTextsOfDifferentLengthsGivesTheSameVectorsAsOneAtATime()
    {
        string[] texts =
        [
            "hi",
            "Can I go for a run the day after my dry needling session, or should I rest my calf first?",
            "is DN painful",
            "What is plantar fasciitis and what causes it? My heel hurts every morning when I get out of bed.",
        ];
        var batch = await _generator.GenerateAsync(texts);
        for (var i = 0; i < texts.Length; i++)
        {
            var single = await _generator.EmbedAsync(texts[i]);
            Assert.True(Cosine(batch[i].Vector.ToArray(), single) > 0.9999, $"'{texts[i]}' differs when padded in a batch");
        }
    }

    [Fact]
    public async Task AParaphraseIsCloserThanAnotherQuestionOfTheSameDomain()
    {
        var v = await EmbedAsync("Does dry needling hurt?", "is dry needling painful", "How much does dry needling cost?");
        Assert.True(Cosine(v[0], v[1]) > Cosine(v[0], v[2]) + 0.2, $"{Cosine(v[0], v[1])} vs {Cosine(v[0], v[2])}");
    }

    [Fact]
    public async Task ClinicalAbbreviationsAndCurlyQuotesAreReadAsWordsNotUnknownTokens()
    {
        // "DN" and "PF" are in the vocabulary as word pieces; the question must not collapse onto [UNK].
        var v = await EmbedAsync("what is PF", "what is DN", "what’s dry needling", "what's dry needling");
        Assert.True(Cosine(v[0], v[1]) < 0.95);
        Assert.True(Cosine(v[2], v[3]) > 0.99);
    }

    [Fact]
    public async Task ConcurrentCallersGetTheSameVectorsAsOneCaller()
    {
        var texts = Enumerable.Range(0, 24).Select(i => $"question number {i} about needles and heels").ToArray();
        var expected = await Task.WhenAll(texts.Select(t => _generator.EmbedAsync(t).AsTask()));
        var concurrent = await Task.WhenAll(texts.Select(t => Task.Run(() => _generator.EmbedAsync(t).AsTask())));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i], concurrent[i]);
        }
    }

    [Fact]
    public async Task ACorruptModelFailsEveryCallWithTheReasonInsteadOfHanging()
    {
        using var broken = new MiniLmEmbeddingGenerator(null, () =>
        {
            var (model, vocabulary) = MiniLmModel.OpenShippedResources();
            model.Dispose();
            return (new MemoryStream([1, 2, 3, 4]), vocabulary);
        });
        await Assert.ThrowsAnyAsync<Exception>(() => broken.Loaded);
        var error = await Assert.ThrowsAsync<MiniLmUnavailableException>(() => broken.GenerateAsync(["hello"]));
        Assert.Contains("could not be loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingModelFailsWithTheReason()
    {
        using var missing = new MiniLmEmbeddingGenerator(null, () => throw new InvalidOperationException("The resource model.onnx is missing."));
        var error = await Assert.ThrowsAsync<MiniLmUnavailableException>(async () => await missing.EmbedAsync("hello"));
        Assert.Contains("model.onnx is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AModelThatLoadsTooSlowlyFailsTheCallAfterTheLoadTimeout()
    {
        using var gate = new ManualResetEventSlim();
        using var slow = new MiniLmEmbeddingGenerator(new MiniLmOptions { LoadTimeout = TimeSpan.FromMilliseconds(50) }, () =>
        {
            gate.Wait(TimeSpan.FromSeconds(10));
            throw new InvalidOperationException("released");
        });
        var error = await Assert.ThrowsAsync<MiniLmUnavailableException>(() => slow.GenerateAsync(["hello"]));
        Assert.Contains("not loaded within", error.Message, StringComparison.Ordinal);
        gate.Set();
    }

    [Fact]
    public void InvalidOptionsAreRejectedWithTheirNames()
    {
        var error = Assert.Throws<ArgumentException>(() => new MiniLmEmbeddingGenerator(new MiniLmOptions { IntraOpThreads = 0, BatchSize = 0, MaxConcurrentInferences = 0 }));
        Assert.Contains("IntraOpThreads", error.Message, StringComparison.Ordinal);
        Assert.Contains("BatchSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrentInferences", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallersBeyondTheInferenceLimitTakeTurnsAndGetTheSameVectors()
    {
        using var oneAtATime = new MiniLmEmbeddingGenerator(new MiniLmOptions { MaxConcurrentInferences = 1 });
        string[] questions = ["does it hurt", "how many sessions", "can i run after", "is it acupuncture"];
        var expected = await EmbedAsync(questions);
        var calls = Enumerable.Range(0, 24).Select(i => i % 2 == 0
            ? oneAtATime.EmbedAsync(questions[i % questions.Length]).AsTask()
            : oneAtATime.GenerateAsync([questions[i % questions.Length]]).ContinueWith(t => t.Result[0].Vector.ToArray(), TaskScheduler.Default));
        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(1.0, Cosine(expected[i % questions.Length], results[i]), 4);
        }
    }

    private async Task<float[][]> EmbedAsync(params string[] texts) =>
        [.. (await _generator.GenerateAsync(texts)).Select(e => e.Vector.ToArray())];

    private static double Cosine(float[] a, float[] b) => TensorPrimitives.CosineSimilarity(a, b);
}
