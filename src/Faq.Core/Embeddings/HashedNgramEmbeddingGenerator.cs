using System.Numerics.Tensors;
using Faq.Core.Analysis;
using Microsoft.Extensions.AI;

namespace Faq.Core.Embeddings;

/// <summary>
/// A self-contained, deterministic text embedder with no model weights: word terms (stemmed, synonyms mapped),
/// adjacent-term pairs and character n-grams of each term are hashed (signed feature hashing) into a fixed-size vector, which is then
/// L2-normalised. It captures lexical and sub-word overlap (misspellings, word forms), not meaning; a neural
/// embedding service can replace it through the same <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> seam.
/// </summary>
public sealed class HashedNgramEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model id recorded with vectors this generator produced. Bump it when the features change.</summary>
    public const string ModelId = "faq-hashed-ngrams-v2";

    private const float TermWeight = 1.0f;
    private const float PairWeight = 0.5f;
    private const float CharGramWeightPerWord = 0.6f;

    private readonly TextAnalyzer _analyzer;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Creates the generator.</summary>
    /// <param name="analyzer">The text analysis shared with the keyword index.</param>
    /// <param name="dimensions">Vector length; a power of two between 64 and 4096.</param>
    public HashedNgramEmbeddingGenerator(TextAnalyzer analyzer, int dimensions = 256)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        if (dimensions is < 64 or > 4096 || (dimensions & (dimensions - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "Dimensions must be a power of two between 64 and 4096.");
        }

        _analyzer = analyzer;
        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata("faq-local", null, $"{ModelId}-{dimensions}", dimensions);
    }

    /// <summary>Vector length.</summary>
    public int Dimensions { get; }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value)) { ModelId = _metadata.DefaultModelId, CreatedAt = null });
        }

        return Task.FromResult(result);
    }

    /// <summary>The text analysis the features are built from.</summary>
    public TextAnalyzer Analyzer => _analyzer;

    /// <summary>Embeds one text synchronously.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Embed(_analyzer.Analyze(text));
    }

    /// <summary>Embeds a text already analysed by <see cref="Analyzer"/> (the search index analyses every question
    /// once, for keywords and embedding alike).</summary>
    internal float[] Embed(AnalyzedText analyzed)
    {
        var vector = new float[Dimensions];
        var terms = analyzed.Terms;
        var mask = Dimensions - 1;

        for (var i = 0; i < terms.Count; i++)
        {
            Add(vector, mask, Fnv.Hash(Fnv.TermSeed, terms[i]), TermWeight);
            if (i + 1 < terms.Count)
            {
                Add(vector, mask, Fnv.Hash(Fnv.Hash(Fnv.PairSeed, terms[i]), terms[i + 1]), PairWeight);
            }

            AddCharGrams(vector, mask, terms[i]);
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    private static void AddCharGrams(float[] vector, int mask, string term)
    {
        // "<term>" with boundary marks; trigrams and 4-grams. They make misspelt and related word forms
        // overlap. Each term contributes the same total weight, so long words do not drown short ones.
        Span<char> padded = stackalloc char[term.Length + 2];
        padded[0] = '<';
        term.AsSpan().CopyTo(padded[1..]);
        padded[^1] = '>';
        var count = Math.Max(0, padded.Length - 2) + Math.Max(0, padded.Length - 3);
        if (count == 0)
        {
            return;
        }

        var weight = CharGramWeightPerWord / MathF.Sqrt(count);
        for (var n = 3; n <= 4; n++)
        {
            var seed = n == 3 ? Fnv.TrigramSeed : Fnv.FourGramSeed;
            for (var start = 0; start + n <= padded.Length; start++)
            {
                Add(vector, mask, Fnv.Hash(seed, padded.Slice(start, n)), weight);
            }
        }
    }

    private static void Add(float[] vector, int mask, uint hash, float weight)
    {
        // The low bits pick the slot, the top bit the sign: collisions cancel out on average instead of piling up.
        var sign = (hash & 0x8000_0000u) != 0 ? -1f : 1f;
        vector[(int)(hash & (uint)mask)] += sign * weight;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static class Fnv
    {
        private const uint Offset = 2166136261;
        private const uint Prime = 16777619;

        // Each feature kind hashes from its own seed: the hash of a kind prefix. Changing these changes every
        // vector (bump ModelId).
        public static readonly uint TermSeed = Hash(Offset, "t\u0001");
        public static readonly uint PairSeed = Hash(Offset, "p\u0001");
        public static readonly uint TrigramSeed = Hash(Offset, "c3\u0001");
        public static readonly uint FourGramSeed = Hash(Offset, "c4\u0001");

        public static uint Hash(uint seed, ReadOnlySpan<char> text)
        {
            var hash = seed;
            foreach (var c in text)
            {
                hash = (hash ^ c) * Prime;
            }

            // Final avalanche (from MurmurHash3's fmix32) so low bits depend on every character.
            hash ^= hash >> 16;
            hash *= 0x85ebca6b;
            hash ^= hash >> 13;
            hash *= 0xc2b2ae35;
            hash ^= hash >> 16;
            return hash;
        }
    }
}
