using Faq.Core.Content;
using Microsoft.Extensions.AI;

namespace Faq.Core.Embeddings;

/// <summary>
/// Embeds FAQ entries (the question, each alternate, then the answer) in batches, and tells whether stored vectors still
/// fit an entry and the current model, so vectors are computed when an entry is saved or the model changes,
/// not on every start.
/// </summary>
public sealed class EntryEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, int batchSize = 256)
{
    /// <summary>The generator's model id, if it reports one.</summary>
    public string? ModelId { get; } = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId;

    /// <summary>The generator's vector length, if it reports one.</summary>
    public int? Dimensions { get; } = generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions;

    /// <summary>Whether stored vectors can be reused for this entry with the current model.</summary>
    public bool Fits(EntryVectors vectors, FaqEntry entry) =>
        ModelId is not null && Dimensions is { } dimensions && vectors.Fits(entry, ModelId, dimensions);

    /// <summary>The texts embedded for an entry, in row order: the question, each alternate, the answer.</summary>
    public static IEnumerable<string> Texts(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Alternates.Prepend(entry.Question).Append(entry.Answer);
    }

    /// <summary>How many vectors an entry has.</summary>
    public static int RowCount(FaqEntry entry) => EntryVectors.RowCount(entry);

    /// <summary>Embeds one entry.</summary>
    public async Task<EntryVectors> EmbedAsync(FaqEntry entry, CancellationToken cancellationToken = default) =>
        (await EmbedAsync([entry], null, cancellationToken))[0];

    /// <summary>Embeds entries, batching texts across entries; results are in input order.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="progress">Receives the number of entries done after each batch.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<IReadOnlyList<EntryVectors>> EmbedAsync(
        IReadOnlyList<FaqEntry> entries, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var results = new List<EntryVectors>(entries.Count);
        var start = 0;
        while (start < entries.Count)
        {
            // Whole entries per batch, so each result is assembled from one response.
            var texts = new List<string>();
            var end = start;
            do
            {
                texts.AddRange(Texts(entries[end]));
                end++;
            }
            while (end < entries.Count && texts.Count + RowCount(entries[end]) <= batchSize);

            var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
            if (embeddings.Count != texts.Count)
            {
                throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} vectors for {texts.Count} texts.");
            }

            var dimensions = embeddings[0].Vector.Length;
            var row = 0;
            for (var i = start; i < end; i++)
            {
                var count = RowCount(entries[i]);
                var data = new float[count * dimensions];
                for (var k = 0; k < count; k++, row++)
                {
                    var vector = embeddings[row].Vector.Span;
                    if (vector.Length != dimensions)
                    {
                        throw new InvalidOperationException("The embedding generator returned vectors of different lengths.");
                    }

                    vector.CopyTo(data.AsSpan(k * dimensions, dimensions));
                }

                results.Add(new EntryVectors(embeddings[0].ModelId ?? ModelId ?? "unknown", dimensions, data));
            }

            start = end;
            progress?.Report(end);
        }

        return results;
    }
}
