using Azure.Core;
using Faq.AzureOpenAI;
using Faq.Core.Analysis;
using Faq.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace Faq.Api.Embeddings;

internal static class EmbeddingsExtensions
{
    /// <summary>
    /// The embedding generator everything embeds with (entries when they are saved or loaded, questions when they are
    /// asked), chosen by <c>Faq:Embeddings:Provider</c>. This is the one place that chooses it.
    /// </summary>
    public static WebApplicationBuilder AddFaqEmbeddings(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.Section)
            .ValidateProblems(o => o.Validate())
            .ValidateOnStart();
        builder.Services.AddOptions<AzureOpenAIEmbeddingOptions>().BindConfiguration(AzureOpenAIEmbeddingOptions.Section)
            .ValidateProblems<AzureOpenAIEmbeddingOptions, IOptions<EmbeddingOptions>>((o, embedding) => embedding.Value.IsAzureOpenAI ? o.Validate() : [])
            .ValidateOnStart();

        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var embedding = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            return embedding.IsAzureOpenAI
                ? AzureOpenAIEmbeddingGenerator.Create(
                    sp.GetRequiredService<IOptions<AzureOpenAIEmbeddingOptions>>().Value,
                    sp.GetRequiredService<TokenCredential>(),
                    sp.GetRequiredService<ILogger<AzureOpenAIEmbeddingGenerator>>(),
                    sp.GetRequiredService<TimeProvider>())
                : new HashedNgramEmbeddingGenerator(sp.GetRequiredService<TextAnalyzer>(), embedding.Dimensions);
        });
        return builder;
    }
}
