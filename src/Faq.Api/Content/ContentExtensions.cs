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
            .Validate(
                o => o.Dimensions is >= 64 and <= 4096 && (o.Dimensions & (o.Dimensions - 1)) == 0,
                "Faq:Embeddings:Dimensions must be a power of two between 64 and 4096.")
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(TextAnalyzer.Default);
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
            new HashedNgramEmbeddingGenerator(sp.GetRequiredService<TextAnalyzer>(), sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value.Dimensions));
        builder.Services.AddSingleton<FaqCatalog>();
        builder.Services.AddHostedService<FaqSnapshotService>();
        return builder;
    }
}
