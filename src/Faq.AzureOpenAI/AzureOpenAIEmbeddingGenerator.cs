using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using Azure.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;
using OpenAI.Embeddings;
using Faq.Core.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using OpenAIEmbeddingOptions = OpenAI.Embeddings.EmbeddingGenerationOptions;

namespace Faq.AzureOpenAI;

/// <summary>
/// Embeds texts with an Azure OpenAI embedding deployment (v1 endpoint, OpenAI client), in batches, every
/// request behind a Polly pipeline: a per-request timeout, retries on 408/429/5xx and network errors that honour
/// <c>Retry-After</c>, and a circuit breaker so a failing service is not called on every question. Responses are
/// checked (one finite vector of the configured length per text); anything else fails the call with
/// <see cref="EmbeddingServiceException"/>, which callers answer by keyword similarity alone.
/// </summary>
public sealed partial class AzureOpenAIEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The Entra ID scope of Azure OpenAI.</summary>
    public const string CognitiveServicesScope = "https://cognitiveservices.azure.com/.default";

    private readonly EmbeddingClient _client;
    private readonly AzureOpenAIEmbeddingOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<AzureOpenAIEmbeddingGenerator> _logger;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly TimeProvider _time;

    // Every failure opens the circuit, malformed responses included: a service that keeps answering nonsense is down.
    private static readonly FailureRules Rules = FailureRules.ForHttp<ClientResultException>(
        failed => failed.Status, (failed, name) => failed.GetRawResponse() is { } response && response.Headers.TryGetValue(name, out var value) ? value : null) with
    {
        OpensCircuit = ex => ex is not OperationCanceledException || ex is TimeoutRejectedException,
    };

    private AzureOpenAIEmbeddingGenerator(EmbeddingClient client, AzureOpenAIEmbeddingOptions options, ILogger<AzureOpenAIEmbeddingGenerator> logger, TimeProvider time)
    {
        _client = client;
        _options = options;
        _logger = logger;
        _time = time;
        _pipeline = ResiliencePipelines.Build("Embedding service", options, Rules, logger, time);
        _metadata = new EmbeddingGeneratorMetadata(
            "azure-openai", options.Endpoint, ModelIdFor(options), options.Dimensions);
    }

    /// <summary>
    /// Creates a generator. With <see cref="AzureOpenAIEmbeddingOptions.ApiKey"/> set it sends the key in the
    /// <c>api-key</c> header; otherwise it signs in with <paramref name="credential"/> (a managed identity in Azure).
    /// </summary>
    /// <param name="options">Endpoint, deployment, dimensions and resilience settings.</param>
    /// <param name="credential">Entra ID credential, used when no API key is configured.</param>
    /// <param name="logger">Receives retries, breaker changes and failures.</param>
    /// <param name="time">Clock for the resilience pipeline.</param>
    /// <param name="transport">The HTTP transport (tests pass a fake one).</param>
    public static AzureOpenAIEmbeddingGenerator Create(
        AzureOpenAIEmbeddingOptions options,
        TokenCredential? credential,
        ILogger<AzureOpenAIEmbeddingGenerator>? logger = null,
        TimeProvider? time = null,
        PipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.ApiBase(),
            RetryPolicy = new ClientRetryPolicy(0), // Polly is the one retry layer
            NetworkTimeout = options.AttemptTimeout + TimeSpan.FromSeconds(1),
            UserAgentApplicationId = "faq",
        };
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        AuthenticationPolicy authentication = options.ApiKey is { Length: > 0 } key
            ? ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(new ApiKeyCredential(key), "api-key")
            : new BearerTokenPolicy(
                credential ?? throw new ArgumentException("Without Faq:Embeddings:ApiKey an Entra ID credential is required.", nameof(credential)),
                CognitiveServicesScope);
        var client = new EmbeddingClient(options.Deployment, authentication, clientOptions);
        return new AzureOpenAIEmbeddingGenerator(client, options, logger ?? NullLogger<AzureOpenAIEmbeddingGenerator>.Instance, time ?? TimeProvider.System);
    }

    /// <summary>The model id stored with entry vectors: deployment and length, so changing either re-embeds the entries.</summary>
    public static string ModelIdFor(AzureOpenAIEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(CultureInfo.InvariantCulture, $"azure-openai/{options.Deployment}/{options.Dimensions}");
    }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        for (var start = 0; start < texts.Count; start += _options.BatchSize)
        {
            var batch = new string[Math.Min(_options.BatchSize, texts.Count - start)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = texts[start + i];
            }

            var vectors = await RunAsync(batch, cancellationToken);
            foreach (var vector in vectors)
            {
                result.Add(new Embedding<float>(vector) { ModelId = _metadata.DefaultModelId, CreatedAt = _time.GetUtcNow() });
            }
        }

        return result;
    }

    private async Task<float[][]> RunAsync(string[] batch, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (state, token) => await state.Self.RequestAsync(state.Batch, token),
                (Self: this, Batch: batch),
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException ex)
        {
            throw new EmbeddingServiceException("The embedding service is failing; calls are paused for a short while.", ex);
        }
        catch (Exception ex)
        {
            LogFailed(_logger, batch.Length, ex.Message);
            throw ex as EmbeddingServiceException ?? new EmbeddingServiceException($"The embedding service failed: {ex.Message}", ex);
        }
    }

    private async Task<float[][]> RequestAsync(string[] batch, CancellationToken cancellationToken)
    {
        OpenAIEmbeddingCollection collection;
        try
        {
            collection = (await _client.GenerateEmbeddingsAsync(batch, new OpenAIEmbeddingOptions { Dimensions = _options.Dimensions }, cancellationToken)).Value;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new EmbeddingServiceException("The embedding service sent a response that could not be read.", ex);
        }

        if (collection is null || collection.Count != batch.Length)
        {
            throw new EmbeddingServiceException($"The embedding service returned {collection?.Count ?? 0} vectors for {batch.Length} texts.");
        }

        var vectors = new float[batch.Length][];
        foreach (var item in collection)
        {
            if (item.Index < 0 || item.Index >= batch.Length || vectors[item.Index] is not null)
            {
                throw new EmbeddingServiceException($"The embedding service returned a vector for an unknown position ({item.Index}).");
            }

            var vector = item.ToFloats().ToArray();
            if (vector.Length != _options.Dimensions)
            {
                throw new EmbeddingServiceException($"The embedding service returned {vector.Length} dimensions, not {_options.Dimensions}.");
            }

            if (!Array.TrueForAll(vector, float.IsFinite))
            {
                throw new EmbeddingServiceException("The embedding service returned a vector with non-finite values.");
            }

            vectors[item.Index] = vector;
        }

        return vectors;
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
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding of {TextCount} texts failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, int textCount, string reason);
}

/// <summary>The embedding service could not embed the texts (unreachable, throttled, timed out or answering nonsense).</summary>
public sealed class EmbeddingServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmbeddingServiceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EmbeddingServiceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EmbeddingServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
