using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Faq.Core.Triage;

/// <summary>
/// Screens a message for emergencies before it is matched, in layers (README, "Urgent triage"):
/// <list type="number">
/// <item>unmistakable patterns (self-harm and overdose, can't breathe, not breathing or not waking, a seizure, coughing or
/// vomiting blood, chest pain now, an explicit emergency) are urgent whatever else the message says;</item>
/// <item>each category's signs ("my calf is swollen and hot") are urgent unless the message asks about them in general
/// ("can dry needling cause a clot?"), is about the past or someone's history ("I had a DVT years ago"), describes a
/// long-standing state, or softens a mild symptom ("a bit of bleeding, stopped after I pressed") — and never when it
/// says the symptom is happening now;</item>
/// <item>with the sentence-embedding model, the message's similarity to a bank of red-flag exemplars catches wordings
/// no pattern lists, with the same suppressors and a per-category threshold chosen on the dev set;</item>
/// <item>without the model (not loaded yet, failed, or a model the thresholds were not fitted for), a conservative
/// model-free layer instead: any symptom word of a category in a message that reports something happening.</item>
/// </list>
/// Thread-safe; the exemplars are embedded once, on first use (or <see cref="WarmUpAsync"/>), and again only if that
/// failed. Give it the same generator as the FAQ index, behind an <c>EmbeddingCache</c>, so the question is embedded
/// once for triage and matching.
/// </summary>
public sealed class UrgentTriage
{
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private readonly TimeSpan _modelWait;
    private readonly Lock _lock = new();
    private Task<ExemplarBank>? _bank;

    /// <summary>Creates a triage.</summary>
    /// <param name="generator">The sentence-embedding model (all-MiniLM-L6-v2, the matcher's); null for the
    /// model-free triage.</param>
    /// <param name="modelWait">How long a message waits for the model (still loading at a cold start, or slow) before
    /// the model-free layer decides instead; 2 s by default. An emergency is never held up longer than this.</param>
    public UrgentTriage(IEmbeddingGenerator<string, Embedding<float>>? generator = null, TimeSpan? modelWait = null)
    {
        _generator = generator;
        _modelWait = modelWait ?? TimeSpan.FromSeconds(2);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_modelWait, TimeSpan.Zero, nameof(modelWait));
    }

    /// <summary>A triage without a model: patterns, signs and the conservative model-free layer.</summary>
    public static UrgentTriage WithoutModel { get; } = new();

    /// <summary>Whether this triage has a model to read similarity with.</summary>
    public bool HasModel => _generator is not null;

    /// <summary>Screens one message. Never fails because of the model: when it cannot be used, the model-free layer
    /// decides and <see cref="TriageResult.ModelUnavailable"/> is set.</summary>
    public async ValueTask<TriageResult> AssessAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Spanish red flags first: they need no model, and the English layers do not read Spanish.
        if (SpanishRedFlags.Assess(message) is { } spanish)
        {
            return spanish;
        }

        var reading = new RedFlagReading(message);
        if (reading.Decide() is { } decided)
        {
            return decided;
        }

        if (_generator is null)
        {
            return reading.WithoutModel();
        }

        Embedding<float> embedding;
        ExemplarBank bank;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(_modelWait);
        try
        {
            // The message first: while the model is unavailable this fails once, not twice (message and bank).
            embedding = (await _generator.GenerateAsync([message], cancellationToken: wait.Token))[0];
            bank = await BankAsync(wait.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return reading.WithoutModel() with { ModelUnavailable = true };
        }

        // Thresholds belong to the model they were chosen with: another model's cosines are on another scale.
        if (!bank.Fits(embedding))
        {
            return reading.WithoutModel() with { ModelUnavailable = true };
        }

        return reading.WithSimilarity(bank.Similarities(embedding.Vector.Span));
    }

    /// <summary>Screens one message without a model: what <see cref="AssessAsync"/> decides while the model is
    /// unavailable.</summary>
    public static TriageResult AssessWithoutModel(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (SpanishRedFlags.Assess(message) is { } spanish)
        {
            return spanish;
        }

        var reading = new RedFlagReading(message);
        return reading.Decide() ?? reading.WithoutModel();
    }

    /// <summary>Embeds the exemplars now rather than on the first message (for example while a host starts).</summary>
    /// <exception cref="InvalidOperationException">The triage has no model.</exception>
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        if (_generator is null)
        {
            throw new InvalidOperationException("This triage has no model to warm up.");
        }

        await BankAsync(cancellationToken);
    }

    private Task<ExemplarBank> BankAsync(CancellationToken cancellationToken)
    {
        Task<ExemplarBank> bank;
        lock (_lock)
        {
            // Shared by every caller, so one caller's cancellation must not cancel it; a failed embedding (the model was
            // still loading) is retried by the next message.
            if (_bank is null || _bank.IsFaulted || _bank.IsCanceled)
            {
                _bank = ExemplarBank.EmbedAsync(_generator!);
            }

            bank = _bank;
        }

        return bank.WaitAsync(cancellationToken);
    }

    /// <summary>The exemplars' unit vectors, row by row, and each row's category.</summary>
    internal sealed class ExemplarBank
    {
        private readonly float[] _rows;

        private ExemplarBank(float[] rows, int dimensions, string? modelId)
        {
            _rows = rows;
            Dimensions = dimensions;
            ModelId = modelId;
        }

        public int Dimensions { get; }

        public string? ModelId { get; }

        public static async Task<ExemplarBank> EmbedAsync(IEmbeddingGenerator<string, Embedding<float>> generator)
        {
            var texts = RedFlagExemplars.All;
            var embeddings = await generator.GenerateAsync([.. texts.Select(e => e.Text)], cancellationToken: CancellationToken.None);
            if (embeddings.Count != texts.Count)
            {
                throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} vectors for {texts.Count} exemplars.");
            }

            var dimensions = embeddings[0].Vector.Length;
            var rows = new float[texts.Count * dimensions];
            for (var i = 0; i < texts.Count; i++)
            {
                var row = rows.AsSpan(i * dimensions, dimensions);
                embeddings[i].Vector.Span.CopyTo(row);
                var norm = TensorPrimitives.Norm(row);
                if (norm > 0)
                {
                    TensorPrimitives.Divide(row, norm, row);
                }
            }

            return new ExemplarBank(rows, dimensions, embeddings[0].ModelId);
        }

        public bool Fits(Embedding<float> embedding) =>
            embedding.Vector.Length == Dimensions
            && string.Equals(ModelId, RedFlagExemplars.ModelId, StringComparison.Ordinal)
            && string.Equals(embedding.ModelId ?? ModelId, ModelId, StringComparison.Ordinal);

        /// <summary>Each category's best cosine with the message and the exemplar that gave it.</summary>
        public CategorySimilarity[] Similarities(ReadOnlySpan<float> vector)
        {
            var best = new CategorySimilarity[RedFlags.All.Count + 1];
            var norm = TensorPrimitives.Norm(vector);
            if (norm <= 0)
            {
                return best;
            }

            var exemplars = RedFlagExemplars.All;
            for (var i = 0; i < exemplars.Count; i++)
            {
                var cosine = TensorPrimitives.Dot(vector, _rows.AsSpan(i * Dimensions, Dimensions)) / norm;
                var category = (int)exemplars[i].Category;
                if (cosine > best[category].Similarity)
                {
                    best[category] = new CategorySimilarity(cosine, i);
                }
            }

            return best;
        }
    }
}

/// <summary>A category's best similarity and the exemplar row it came from.</summary>
internal readonly record struct CategorySimilarity(float Similarity, int Exemplar);
