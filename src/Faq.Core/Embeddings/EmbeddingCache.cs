using Microsoft.Extensions.AI;

namespace Faq.Core.Embeddings;

/// <summary>
/// Remembers the vectors of recently embedded texts, so a question asked again (the widget's suggested questions,
/// a clinic's common questions, a retry) costs a dictionary lookup instead of a model run. Bounded: it keeps two
/// generations of at most <c>capacity</c> texts each and drops the older generation when the newer one is full,
/// so memory stays at about 2 × capacity vectors and texts that keep being asked stay cached. Thread-safe.
/// </summary>
public sealed class EmbeddingCache : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private Dictionary<string, Embedding<float>> _current = new(StringComparer.Ordinal);
    private Dictionary<string, Embedding<float>> _previous = new(StringComparer.Ordinal);
    private long _hits;
    private long _misses;

    /// <summary>Wraps a generator.</summary>
    /// <param name="inner">The generator that computes vectors.</param>
    /// <param name="capacity">Texts per generation (at most twice this many are kept).</param>
    public EmbeddingCache(IEmbeddingGenerator<string, Embedding<float>> inner, int capacity = 10_000)
        : base(inner)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Texts answered from the cache so far.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Texts that had to be embedded so far.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options is not null)
        {
            return await base.GenerateAsync(values, options, cancellationToken); // options (dimensions, model) change the vectors
        }

        var texts = values as IReadOnlyList<string> ?? [.. values];
        var results = new Embedding<float>?[texts.Count];
        List<int>? missing = null;
        lock (_lock)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                if (TryGet(texts[i], out var cached))
                {
                    results[i] = cached;
                }
                else
                {
                    (missing ??= []).Add(i);
                }
            }
        }

        Interlocked.Add(ref _hits, texts.Count - (missing?.Count ?? 0));
        if (missing is not null)
        {
            Interlocked.Add(ref _misses, missing.Count);
            var computed = await base.GenerateAsync([.. missing.Select(i => texts[i])], null, cancellationToken);
            if (computed.Count != missing.Count)
            {
                throw new InvalidOperationException($"The embedding generator returned {computed.Count} vectors for {missing.Count} texts.");
            }

            lock (_lock)
            {
                for (var k = 0; k < missing.Count; k++)
                {
                    results[missing[k]] = computed[k];
                    Add(texts[missing[k]], computed[k]);
                }
            }
        }

        return new GeneratedEmbeddings<Embedding<float>>(results!);
    }

    private bool TryGet(string text, out Embedding<float> embedding)
    {
        if (_current.TryGetValue(text, out embedding!))
        {
            return true;
        }

        if (_previous.TryGetValue(text, out embedding!))
        {
            Add(text, embedding); // still in use: carry it into the current generation
            return true;
        }

        return false;
    }

    private void Add(string text, Embedding<float> embedding)
    {
        if (_current.Count >= _capacity)
        {
            _previous = _current;
            _current = new Dictionary<string, Embedding<float>>(StringComparer.Ordinal);
        }

        _current[text] = embedding;
    }
}
