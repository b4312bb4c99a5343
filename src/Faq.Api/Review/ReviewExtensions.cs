using Faq.Core.Analysis;
using Faq.Core.Embeddings;
using Faq.Core.Review;

namespace Faq.Api.Review;

internal static class ReviewExtensions
{
    /// <summary>Capturing what the bot could not answer confidently for staff review, and grouping it for the review queue.</summary>
    public static IHostApplicationBuilder AddFaqReview(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section)
            .Validate(o => o.UnansweredRetentionDays is >= 1 and <= 3650, "Faq:Admin:UnansweredRetentionDays must be between 1 and 3650.")
            .Validate(o => o.ReviewBelowConfidence is >= 0 and <= 1, "Faq:Admin:ReviewBelowConfidence must be between 0 and 1.")
            .ValidateOnStart();

        // Similar questions are grouped with the local embedder whatever the answering embedder is: grouping is
        // rough, and must not cost calls to a paid service.
        builder.Services.AddSingleton(sp => new QuestionGrouper(new HashedNgramEmbeddingGenerator(sp.GetRequiredService<TextAnalyzer>())));
        builder.Services.AddSingleton<UnansweredRecorder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UnansweredRecorder>());
        return builder;
    }
}
