using System.Numerics.Tensors;
using Faq.Core.Analysis;
using Faq.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace Faq.Core.Tests.Matching;

public sealed class HashedNgramEmbeddingGeneratorTests : IDisposable
{
    private readonly HashedNgramEmbeddingGenerator _generator = new(TextAnalyzer.Default);

    public void Dispose() => _generator.Dispose();

    [Fact]
    public void VectorsAreDeterministicAndUnitLength()
    {
        var a = _generator.Embed("Does dry needling hurt?");
        using var other = new HashedNgramEmbeddingGenerator(TextAnalyzer.Default);
        var b = other.Embed("Does dry needling hurt?");
        Assert.Equal(a, b);
        Assert.Equal(1f, TensorPrimitives.Norm(a), 4);
    }

    [Fact]
    public void ParaphrasesAndTyposAreCloserThanUnrelatedText()
    {
        var question = _generator.Embed("is dry needling painful");
        var typo = _generator.Embed("is dry neeedling painfull");
        var unrelated = _generator.Embed("how much does parking cost");
        Assert.True(TensorPrimitives.Dot(question, typo) > TensorPrimitives.Dot(question, unrelated));
    }

    [Fact]
    public void TextWithNoTermsEmbedsToTheZeroVector() =>
        Assert.All(_generator.Embed("?? the of"), x => Assert.Equal(0f, x));

    [Theory]
    [InlineData(32)]
    [InlineData(100)]
    [InlineData(8192)]
    public void DimensionsMustBeAPowerOfTwoInRange(int dimensions) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HashedNgramEmbeddingGenerator(TextAnalyzer.Default, dimensions));

    [Fact]
    public async Task ReportsItsModelThroughTheStandardMetadata()
    {
        var metadata = _generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.NotNull(metadata);
        Assert.Equal(256, metadata.DefaultModelDimensions);
        var generated = await _generator.GenerateAsync(["one", "two"]);
        Assert.Equal(2, generated.Count);
        Assert.All(generated, e => Assert.Equal(metadata.DefaultModelId, e.ModelId));
    }
}
