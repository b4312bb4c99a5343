using Faq.Core.Review;
using Microsoft.Extensions.AI;

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

        // Questions are grouped by meaning with the app's own embedding model, behind its cache: most questions in the
        // queue were embedded when they were asked, so grouping rarely runs the model (or calls the paid service) again.
        builder.Services.AddSingleton(sp => new QuestionGrouper(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()));
        builder.Services.AddSingleton<ReviewQueue>();
        builder.Services.AddSingleton<UnansweredRecorder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UnansweredRecorder>());
        return builder;
    }
}
