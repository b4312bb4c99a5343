using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.MiniLM;

namespace Faq.Benchmarks;

/// <summary>The app's embedder (the shipped model behind its question cache, one inference thread per call) and
/// stand-in stored vectors for synthetic FAQ sets too large to embed for a benchmark.</summary>
internal static class BenchmarkModel
{
    public static (MiniLmEmbeddingGenerator Model, EmbeddingCache Cached) Create()
    {
        var model = new MiniLmEmbeddingGenerator();
        model.Loaded.GetAwaiter().GetResult();
        return (model, new EmbeddingCache(model));
    }

    /// <summary>Deterministic random unit vectors in the shipped model's shape, as a store would hand them to the
    /// index: the search does the same work whatever the vectors say.</summary>
    public static IReadOnlyList<EntryVectors?> RandomVectors(IReadOnlyList<FaqEntry> entries, int seed = 11)
    {
        var random = new Random(seed);
        const int dimensions = MiniLmEmbeddingGenerator.Dimensions;
        var vectors = new EntryVectors?[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var data = new float[EntryVectors.RowCount(entries[i]) * dimensions];
            for (var k = 0; k < data.Length; k++)
            {
                data[k] = (float)(random.NextDouble() - 0.5);
            }

            vectors[i] = new EntryVectors(MiniLmEmbeddingGenerator.ModelId, dimensions, data);
        }

        return vectors;
    }
}
