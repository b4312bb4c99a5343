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
        builder.Services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.Section)
            .Validate(o => o.IsValidProvider, "Faq:Embeddings:Provider must be 'Local' or 'AzureOpenAI'.")
            .Validate(
                o => o.IsAzureOpenAI || (o.Dimensions is >= 64 and <= 4096 && (o.Dimensions & (o.Dimensions - 1)) == 0),
                "Faq:Embeddings:Dimensions must be a power of two between 64 and 4096 for the local embedder.")
            .ValidateOnStart();
        builder.Services.AddOptions<AzureOpenAIEmbeddingOptions>().BindConfiguration(EmbeddingOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<AzureOpenAIEmbeddingOptions>, AzureOpenAIOptionsValidator>();
        builder.Services.AddOptions<AzureOpenAIEmbeddingOptions>().ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(TextAnalyzer.Default);
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            return options.IsAzureOpenAI
                ? AzureOpenAIEmbeddingGenerator.Create(
                    sp.GetRequiredService<IOptions<AzureOpenAIEmbeddingOptions>>().Value,
                    sp.GetRequiredService<TokenCredential>(),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger<AzureOpenAIEmbeddingGenerator>(),
                    sp.GetRequiredService<TimeProvider>())
                : new HashedNgramEmbeddingGenerator(sp.GetRequiredService<TextAnalyzer>(), options.Dimensions);
        });
        builder.Services.AddSingleton<FaqCatalog>();
        builder.Services.AddHostedService<FaqSnapshotService>();
        return builder;
    }

    /// <summary>Checks the Azure OpenAI settings only when that provider is selected.</summary>
    private sealed class AzureOpenAIOptionsValidator(IOptions<EmbeddingOptions> embeddings) : IValidateOptions<AzureOpenAIEmbeddingOptions>
    {
        public ValidateOptionsResult Validate(string? name, AzureOpenAIEmbeddingOptions options)
        {
            if (!embeddings.Value.IsAzureOpenAI)
            {
                return ValidateOptionsResult.Success;
            }

            var problems = options.Validate().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
