using Azure.Core;
using Faq.AzureOpenAI;
using System.Diagnostics;
using Faq.Core.Embeddings;
using Faq.MiniLM;
using Microsoft.Extensions.AI;

namespace Faq.Api.Embeddings;

internal static partial class EmbeddingsExtensions
{
    /// <summary>
    /// The embedding generator everything embeds with (entries when they are saved or loaded, questions when they are
    /// asked), chosen by <c>Faq:Embeddings:Provider</c>. This is the one place that chooses it.
    /// </summary>
    public static IHostApplicationBuilder AddFaqEmbeddings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.Section)
            .ValidateProblems(o => o.Validate())
            .ValidateOnStart();
        builder.Services.AddOptions<AzureOpenAIEmbeddingOptions>().BindConfiguration(AzureOpenAIEmbeddingOptions.Section)
            .ValidateProblems<AzureOpenAIEmbeddingOptions, IOptions<EmbeddingOptions>>((o, embedding) => embedding.Value.IsAzureOpenAI ? o.Validate() : [])
            .ValidateOnStart();

        // Behind a cache either way: a question asked again costs a lookup instead of a model run (or a paid call).
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var embedding = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            IEmbeddingGenerator<string, Embedding<float>> generator = embedding.IsAzureOpenAI
                ? AzureOpenAIEmbeddingGenerator.Create(
                    sp.GetRequiredService<IOptions<AzureOpenAIEmbeddingOptions>>().Value,
                    sp.GetRequiredService<TokenCredential>(),
                    sp.GetRequiredService<ILogger<AzureOpenAIEmbeddingGenerator>>(),
                    sp.GetRequiredService<TimeProvider>())
                : LoadLocalModel(embedding, sp.GetRequiredService<ILogger<MiniLmEmbeddingGenerator>>());
            return new EmbeddingCache(generator, embedding.CacheSize);
        });
        return builder;
    }

    /// <summary>
    /// Starts loading the shipped model on a background thread (the snapshot refresher, a hosted service, takes the
    /// generator, so this runs while the host starts, in parallel with the first store read). A model that cannot load (missing, corrupt, out of
    /// memory) does not stop the app: it is logged here with its cause, questions are answered by keyword similarity
    /// alone, and /api/health says degraded with the reason.
    /// </summary>
    private static MiniLmEmbeddingGenerator LoadLocalModel(EmbeddingOptions options, ILogger<MiniLmEmbeddingGenerator> logger)
    {
        var generator = new MiniLmEmbeddingGenerator(new MiniLmOptions
        {
            IntraOpThreads = options.Threads,
            LoadTimeout = TimeSpan.FromSeconds(options.LoadTimeoutSeconds),
        });
        var started = Stopwatch.GetTimestamp();
        _ = generator.Loaded.ContinueWith(
            loaded =>
            {
                if (loaded.Exception is { } failure)
                {
                    LogModelFailed(logger, MiniLmEmbeddingGenerator.ModelId, failure.InnerException ?? failure);
                }
                else
                {
                    LogModelLoaded(logger, MiniLmEmbeddingGenerator.ModelId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return generator;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sentence-embedding model {ModelId} loaded in {ElapsedMs:F0} ms")]
    private static partial void LogModelLoaded(ILogger logger, string modelId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The sentence-embedding model {ModelId} could not be loaded: questions are answered by keyword similarity alone and /api/health reports degraded")]
    private static partial void LogModelFailed(ILogger logger, string modelId, Exception exception);
}
