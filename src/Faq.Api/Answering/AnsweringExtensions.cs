using Faq.Core.Answering;
using Faq.Core.Conversation;
using Faq.Core.Triage;
using Microsoft.Extensions.AI;

namespace Faq.Api.Answering;

/// <summary>The questions offered first (<c>Faq:Widget:FeaturedQuestions</c>): by a greeting, by the widget, at the top of /api/faqs.</summary>
internal sealed class FeaturedQuestionsOptions
{
    public const string Section = "Faq:Widget";

    /// <summary>Entry ids, in this order. Empty means <see cref="Default"/> (configuration binding appends to a list, so the default is not pre-filled).</summary>
    public List<string> FeaturedQuestions { get; set; } = [];

    public static IReadOnlyList<string> Default { get; } = ["is-it-painful", "how-many-sessions", "side-effects", "dry-needling-vs-acupuncture"];
}

internal static class AnsweringExtensions
{
    public const string AnsweringSection = "Faq:Answering";
    public const string ClinicSection = "Faq:Clinic";
    public const string ConversationSection = "Faq:Conversation";

    /// <summary>The answering policy, the clinic's details, the featured questions and the answering service every channel uses.</summary>
    public static IHostApplicationBuilder AddFaqAnswering(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnsweringOptions>().BindConfiguration(AnsweringSection)
            .ValidateProblems(o => o.Validate())
            .ValidateOnStart();
        builder.Services.AddOptions<ClinicProfile>().BindConfiguration(ClinicSection)
            .Validate(c => !string.IsNullOrWhiteSpace(c.Name), "Faq:Clinic:Name must not be empty.")
            .Validate(c => !string.IsNullOrWhiteSpace(c.EmergencyNumber), "Faq:Clinic:EmergencyNumber must not be empty.")
            .ValidateOnStart();
        builder.Services.AddOptions<FeaturedQuestionsOptions>().BindConfiguration(FeaturedQuestionsOptions.Section)
            .PostConfigure(o =>
            {
                if (o.FeaturedQuestions.Count == 0)
                {
                    o.FeaturedQuestions.AddRange(FeaturedQuestionsOptions.Default);
                }
            })
            .ValidateOnStart();

        // Urgent triage reads the message with the same model (and question cache) as matching, so a question is
        // embedded once; it never waits long for a model that is still loading (see UrgentTriage).
        builder.Services.AddSingleton(sp => new UrgentTriage(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()));
        builder.Services.AddHostedService<TriageWarmUp>();
        // A greeting offers the featured questions.
        builder.Services.AddSingleton(sp => new FaqAnswerer(
            sp.GetRequiredService<IOptions<AnsweringOptions>>().Value,
            sp.GetRequiredService<IOptions<ClinicProfile>>().Value,
            sp.GetRequiredService<UrgentTriage>(),
            sp.GetRequiredService<IOptions<FeaturedQuestionsOptions>>().Value.FeaturedQuestions));
        // Follow-ups: each conversation's previous topic, in memory for a few minutes.
        builder.Services.AddOptions<ConversationOptions>().BindConfiguration(ConversationSection)
            .ValidateProblems(o => o.Validate())
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new ConversationMemory(sp.GetRequiredService<IOptions<ConversationOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<AnsweringService>();
        return builder;
    }
}
