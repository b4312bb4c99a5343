using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using Azure.Core;
using Faq.Core.Resilience;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;
using OpenAI.Embeddings;
using EmbeddingGenerationOptions = Microsoft.Extensions.AI.EmbeddingGenerationOptions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Faq.AzureOpenAI;

/// <summary>
/// Embeds texts with an Azure OpenAI embedding deployment: the OpenAI client's <see cref="EmbeddingClient"/> at the
/// resource's v1 endpoint, as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> through
/// Microsoft.Extensions.AI.OpenAI, with what this app needs around it: batches of
/// <see cref="AzureOpenAIEmbeddingOptions.BatchSize"/> texts, each batch through the shared resilience pipeline
/// (<see cref="ResiliencePipelines"/>: a per-request timeout, retries on 408/429/5xx and network errors that honour
/// <c>Retry-After</c>, a circuit breaker; the client's own retries are off, so this is the one retry layer), and a check
/// of every response (one finite vector of the configured length per text, in input order). Anything else fails the
/// call with <see cref="EmbeddingServiceException"/>, which callers answer by keyword similarity alone.
/// </summary>
public sealed partial class AzureOpenAIEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The Entra ID scope of Azure OpenAI.</summary>
    public const string CognitiveServicesScope = "https://cognitiveservices.azure.com/.default";

    // Every failure opens the circuit, malformed responses included: a service that keeps answering nonsense is down.
    private static readonly FailureRules Rules = FailureRules.ForHttp<ClientResultException>(
        failed => failed.Status, (failed, name) => failed.GetRawResponse() is { } response && response.Headers.TryGetValue(name, out var value) ? value : null) with
    {
        OpensCircuit = ex => ex is not OperationCanceledException || ex is TimeoutRejectedException,
    };

    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly TimeProvider _time;

    private AzureOpenAIEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, EmbeddingGeneratorMetadata metadata, TimeProvider time)
        : base(inner)
    {
        _metadata = metadata;
        _time = time;
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

        logger ??= NullLogger<AzureOpenAIEmbeddingGenerator>.Instance;
        time ??= TimeProvider.System;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.ApiBase(),
            RetryPolicy = new ClientRetryPolicy(0), // the resilience pipeline below is the one retry layer
            NetworkTimeout = options.AttemptTimeout + TimeSpan.FromSeconds(1),
            UserAgentApplicationId = "faq",
        };
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        clientOptions.AddPolicy(new InputOrderPolicy(), PipelinePosition.PerTry);
        AuthenticationPolicy authentication = options.ApiKey is { Length: > 0 } key
            ? ApiKeyAuthenticationPolicy.CreateHeaderApiKeyPolicy(new ApiKeyCredential(key), "api-key")
            : new BearerTokenPolicy(
                credential ?? throw new ArgumentException("Without Faq:Embeddings:ApiKey an Entra ID credential is required.", nameof(credential)),
                CognitiveServicesScope);

        var pipeline = ResiliencePipelines.Build("Embedding service", options, Rules, logger, time);
        var generator = new EmbeddingClient(options.Deployment, authentication, clientOptions)
            .AsIEmbeddingGenerator(options.Dimensions)
            .AsBuilder()
            .Use((texts, generation, next, cancellationToken) => InBatchesAsync(texts, options.BatchSize, generation, next, cancellationToken))
            .Use((batch, generation, next, cancellationToken) => ResilientlyAsync(pipeline, logger, batch, generation, next, cancellationToken))
            .Use((batch, generation, next, cancellationToken) => CheckedAsync(options.Dimensions, batch, generation, next, cancellationToken))
            .Build();
        var metadata = new EmbeddingGeneratorMetadata("azure-openai", options.Endpoint, ModelIdFor(options), options.Dimensions);
        return new AzureOpenAIEmbeddingGenerator(generator, metadata, time);
    }

    /// <summary>The model id stored with entry vectors: deployment and length, so changing either re-embeds the entries.</summary>
    public static string ModelIdFor(AzureOpenAIEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(CultureInfo.InvariantCulture, $"azure-openai/{options.Deployment}/{options.Dimensions}");
    }

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = await base.GenerateAsync(values, options, cancellationToken);
        var now = _time.GetUtcNow();
        foreach (var embedding in result)
        {
            embedding.ModelId = _metadata.DefaultModelId;
            embedding.CreatedAt = now;
        }

        return result;
    }

    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata : base.GetService(serviceType, serviceKey);

    private static async Task<GeneratedEmbeddings<Embedding<float>>> InBatchesAsync(
        IEnumerable<string> values, int batchSize, EmbeddingGenerationOptions? options, IEmbeddingGenerator<string, Embedding<float>> next, CancellationToken cancellationToken)
    {
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            result.AddRange(await next.GenerateAsync(texts.Skip(start).Take(batchSize).ToArray(), options, cancellationToken));
        }

        return result;
    }

    private static async Task<GeneratedEmbeddings<Embedding<float>>> ResilientlyAsync(
        ResiliencePipeline pipeline, ILogger logger, IEnumerable<string> batch, EmbeddingGenerationOptions? options,
        IEmbeddingGenerator<string, Embedding<float>> next, CancellationToken cancellationToken)
    {
        var texts = batch as IReadOnlyList<string> ?? [.. batch];
        try
        {
            return await pipeline.ExecuteAsync(async token => await next.GenerateAsync(texts, options, token), cancellationToken);
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
            LogFailed(logger, texts.Count, ex.Message);
            throw ex as EmbeddingServiceException ?? new EmbeddingServiceException($"The embedding service failed: {ex.Message}", ex);
        }
    }

    private static async Task<GeneratedEmbeddings<Embedding<float>>> CheckedAsync(
        int dimensions, IEnumerable<string> batch, EmbeddingGenerationOptions? options, IEmbeddingGenerator<string, Embedding<float>> next, CancellationToken cancellationToken)
    {
        var texts = batch as IReadOnlyList<string> ?? [.. batch];
        var result = await next.GenerateAsync(texts, options, cancellationToken);
        if (result.Count != texts.Count)
        {
            throw new EmbeddingServiceException($"The embedding service returned {result.Count} vectors for {texts.Count} texts.");
        }

        foreach (var embedding in result)
        {
            if (embedding.Vector.Length != dimensions)
            {
                throw new EmbeddingServiceException($"The embedding service returned {embedding.Vector.Length} dimensions, not {dimensions}.");
            }

            if (!IsFinite(embedding.Vector.Span))
            {
                throw new EmbeddingServiceException("The embedding service returned a vector with non-finite values.");
            }
        }

        return result;
    }

    private static bool IsFinite(ReadOnlySpan<float> vector)
    {
        foreach (var value in vector)
        {
            if (!float.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding of {TextCount} texts failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, int textCount, string reason);

    /// <summary>
    /// Fails an embeddings response whose vectors are not in input order (<c>data[i].index == i</c>). The OpenAI client
    /// keeps the order the service sent and Microsoft.Extensions.AI drops the index, so a vector out of place would be
    /// paired with the wrong text without a word.
    /// </summary>
    private sealed class InputOrderPolicy : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            ProcessNext(message, pipeline, currentIndex);
            message.Response?.BufferContent();
            Check(message.Response);
        }

        public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            await ProcessNextAsync(message, pipeline, currentIndex);
            if (message.Response is { } response)
            {
                await response.BufferContentAsync(message.CancellationToken);
            }

            Check(message.Response);
        }

        private static void Check(PipelineResponse? response)
        {
            if (response is null || response.IsError)
            {
                return;
            }

            try
            {
                using var document = JsonDocument.Parse(response.Content);
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                {
                    return; // not an embeddings list: the client reports what it cannot read
                }

                var position = 0;
                foreach (var item in data.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("index", out var index) || !index.TryGetInt32(out var at) || at != position)
                    {
                        throw new EmbeddingServiceException($"The embedding service returned a vector for an unknown position ({(item.TryGetProperty("index", out var raw) ? raw.ToString() : "none")}).");
                    }

                    position++;
                }
            }
            catch (JsonException)
            {
                // Not JSON: the client reports the body it cannot read.
            }
        }
    }
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
