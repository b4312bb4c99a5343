using Microsoft.Extensions.AI;

namespace Faq.MiniLM;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2, run in process with ONNX Runtime: 384-dimensional, L2-normalised
/// mean-pooled vectors that match the reference sentence-transformers model. The model starts loading on a
/// background thread when the generator is created, so a host can start serving meanwhile; a call made before it
/// is ready waits for it, at most <see cref="MiniLmOptions.LoadTimeout"/>. Thread-safe: one inference session per
/// generator, shared by every caller.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model id recorded with every vector this generator makes.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>The vector length.</summary>
    public const int Dimensions = 384;

    private readonly Task<MiniLmModel> _model;
    private readonly MiniLmOptions _options;
    private readonly SemaphoreSlim _turns;
    private readonly EmbeddingGeneratorMetadata _metadata = new("onnxruntime", null, ModelId, Dimensions);

    /// <summary>Starts loading the model shipped with the application.</summary>
    /// <param name="options">Threading, batching and load timeout; defaults suit a server.</param>
    public MiniLmEmbeddingGenerator(MiniLmOptions? options = null)
        : this(options, MiniLmModel.OpenShippedResources)
    {
    }

    /// <summary>Starts loading a model from the given streams (tests use it to simulate a missing or corrupt model).</summary>
    internal MiniLmEmbeddingGenerator(MiniLmOptions? options, Func<(Stream Model, Stream Vocabulary)> open)
    {
        _options = options ?? new MiniLmOptions();
        var problems = _options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _turns = new SemaphoreSlim(_options.MaxConcurrentInferences, _options.MaxConcurrentInferences);
        _model = Task.Run(() => MiniLmModel.Load(open, _options));
    }

    /// <summary>Completes when the model is ready to embed; faults with the reason when it could not be loaded.</summary>
    public Task Loaded => _model;

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var model = await ReadyModelAsync(cancellationToken);
        await _turns.WaitAsync(cancellationToken);
        float[][] vectors;
        try
        {
            vectors = model.Embed(texts, cancellationToken);
        }
        finally
        {
            _turns.Release();
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = ModelId });
        }

        return result;
    }

    /// <summary>Embeds one text; the allocation-light path for a question.</summary>
    public async ValueTask<float[]> EmbedAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = _model.IsCompletedSuccessfully ? _model.Result : await ReadyModelAsync(cancellationToken);
        if (!_turns.Wait(0, CancellationToken.None))
        {
            await _turns.WaitAsync(cancellationToken);
        }

        try
        {
            return model.Embed(text);
        }
        finally
        {
            _turns.Release();
        }
    }

    private async Task<MiniLmModel> ReadyModelAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _model.WaitAsync(_options.LoadTimeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new MiniLmUnavailableException(
                $"The sentence-embedding model {ModelId} was not loaded within {_options.LoadTimeout.TotalSeconds:0.#} s.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not MiniLmUnavailableException)
        {
            throw new MiniLmUnavailableException($"The sentence-embedding model {ModelId} could not be loaded: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _turns.Dispose();
        if (_model.IsCompletedSuccessfully)
        {
            _model.Result.Dispose();
        }
        else
        {
            // Still loading: release the session once it exists.
            _ = _model.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }
}

/// <summary>The sentence-embedding model is not available: it failed to load or did not load in time.</summary>
public sealed class MiniLmUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MiniLmUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public MiniLmUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MiniLmUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>How the model runs.</summary>
public sealed class MiniLmOptions
{
    /// <summary>Threads one inference uses. A server gets its parallelism from concurrent requests, so one is the
    /// default; more helps a single caller with large batches (building a big index).</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Texts per inference call when embedding many (entries); texts of similar length are batched together.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Word pieces per text, [CLS] and [SEP] included; longer texts are truncated (the model was trained on 256).</summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary>How long a call waits for the model to finish loading before it fails.</summary>
    public TimeSpan LoadTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Inferences run at once; further callers wait their turn without holding a thread. An inference
    /// keeps a core busy, so more than one per core only adds scratch memory and stretches every caller's wait.</summary>
    public int MaxConcurrentInferences { get; set; } = Environment.ProcessorCount;

    /// <summary>The problems with these options, if any.</summary>
    public IEnumerable<string> Validate()
    {
        if (IntraOpThreads is < 1 or > 64)
        {
            yield return "IntraOpThreads must be between 1 and 64.";
        }

        if (BatchSize is < 1 or > 1024)
        {
            yield return "BatchSize must be between 1 and 1024.";
        }

        if (MaxTokens is < 8 or > 512)
        {
            yield return "MaxTokens must be between 8 and 512.";
        }

        if (MaxConcurrentInferences is < 1 or > 1024)
        {
            yield return "MaxConcurrentInferences must be between 1 and 1024.";
        }

        if (LoadTimeout <= TimeSpan.Zero)
        {
            yield return "LoadTimeout must be positive.";
        }
    }
}
