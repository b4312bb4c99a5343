using Azure.Core;
using Faq.AzureOpenAI;
using Faq.Core.Analysis;
using Faq.Core.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Faq.Api.Content;

internal static class ContentExtensions
{
    public static WebApplicationBuilder AddFaqContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path) && File.Exists(o.ResolvedPath), "Faq:Content:Path must name the curated FAQ JSON file that seeds an empty store.")
            .ValidateOnStart();
        // Read and checked while the app is built: the generator is needed by the first hosted service, and a
        // bad setting should stop start-up with a message naming the key, before anything else runs.
        var embedding = new EmbeddingOptions();
        builder.Configuration.GetSection(EmbeddingOptions.Section).Bind(embedding);
        var azureOpenAI = new AzureOpenAIEmbeddingOptions();
        builder.Configuration.GetSection(EmbeddingOptions.Section).Bind(azureOpenAI);
        var problems = embedding.Validate().Concat(embedding.IsAzureOpenAI ? azureOpenAI.Validate() : []).ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(EmbeddingOptions.Section, typeof(EmbeddingOptions), problems);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(TextAnalyzer.Default);
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            return embedding.IsAzureOpenAI
                ? AzureOpenAIEmbeddingGenerator.Create(
                    azureOpenAI,
                    sp.GetRequiredService<TokenCredential>(),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger<AzureOpenAIEmbeddingGenerator>(),
                    sp.GetRequiredService<TimeProvider>())
                : new HashedNgramEmbeddingGenerator(sp.GetRequiredService<TextAnalyzer>(), embedding.Dimensions);
        });
        builder.Services.AddSingleton<FaqCatalog>();
        builder.Services.AddHostedService<FaqSnapshotService>();
        return builder;
    }
}
