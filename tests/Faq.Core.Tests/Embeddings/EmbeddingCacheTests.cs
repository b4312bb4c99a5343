using Faq.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace Faq.Core.Tests.Embeddings;

public sealed class EmbeddingCacheTests
{
    /// <summary>Counts every text it embeds; a text's vector is its length, so results are checkable.</summary>
    private sealed class CountingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public List<string> Embedded { get; } = [];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            lock (Embedded)
            {
                Embedded.AddRange(texts);
            }

            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(new float[] { t.Length, 1 }))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task ATextAskedAgainIsNotEmbeddedAgain()
    {
        var inner = new CountingGenerator();
        using var cache = new EmbeddingCache(inner);
        var first = await cache.GenerateAsync(["does it hurt", "how many sessions"]);
        var second = await cache.GenerateAsync(["how many sessions", "is it safe", "does it hurt"]);

        Assert.Equal(["does it hurt", "how many sessions", "is it safe"], inner.Embedded);
        Assert.Equal([17f, 1f], second[0].Vector.ToArray());
        Assert.Equal([10f, 1f], second[1].Vector.ToArray());
        Assert.Equal([12f, 1f], second[2].Vector.ToArray());
        Assert.Equal(first[0].Vector.ToArray(), second[2].Vector.ToArray());
        Assert.Equal(2, cache.Hits);
        Assert.Equal(3, cache.Misses);
    }

    [Fact]
    public async Task TheCacheStaysBoundedAndKeepsTextsStillInUse()
    {
        var inner = new CountingGenerator();
        using var cache = new EmbeddingCache(inner, capacity: 2);
        await cache.GenerateAsync(["a"]);
        await cache.GenerateAsync(["b"]);
        await cache.GenerateAsync(["c"]);   // "a" and "b" move to the older generation
        await cache.GenerateAsync(["a"]);   // still cached, carried forward
        await cache.GenerateAsync(["d"]);
        await cache.GenerateAsync(["e"]);   // "b" has now been dropped
        inner.Embedded.Clear();
        await cache.GenerateAsync(["a", "b"]);
        Assert.Equal(["b"], inner.Embedded);
    }

    [Fact]
    public async Task RequestsWithOptionsBypassTheCache()
    {
        var inner = new CountingGenerator();
        using var cache = new EmbeddingCache(inner);
        await cache.GenerateAsync(["x"]);
        await cache.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 2 });
        Assert.Equal(["x", "x"], inner.Embedded);
    }

    [Fact]
    public async Task ConcurrentCallersGetTheirOwnTextsVectors()
    {
        var inner = new CountingGenerator();
        using var cache = new EmbeddingCache(inner, capacity: 8);
        var texts = Enumerable.Range(0, 200).Select(i => new string('q', (i % 20) + 1)).ToArray();
        var vectors = await Task.WhenAll(texts.Select(t => Task.Run(() => cache.GenerateAsync([t]))));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(texts[i].Length, vectors[i][0].Vector.Span[0]);
        }
    }
}
