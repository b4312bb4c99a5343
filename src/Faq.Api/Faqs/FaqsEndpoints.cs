using Faq.Api.Answering;
using Faq.Api.Widget;
using Faq.Core.Answering;
using Faq.Core.Languages;

namespace Faq.Api.Faqs;

internal static class FaqsEndpoints
{
    public static RouteGroupBuilder MapFaqs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/faqs").WithTags("FAQ").RequireCors(WidgetOptions.CorsPolicy).RequireRateLimiting(RateLimiting.PublicPolicy);
        group.MapGet("/", List).WithName("ListFaqs")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable)
            .AcceptsIntegrationKey();
        return group;
    }

    /// <summary>Every entry's id and question, the clinic's featured questions first; with <c>?language=es</c>, each
    /// question in that language where the entry has it.</summary>
    internal static Results<Ok<IReadOnlyList<Suggestion>>, ValidationProblem, ProblemHttpResult> List(
        HttpContext httpContext, AnsweringService answering, string? language = null)
    {
        var code = FaqLanguages.Normalize(language);
        if (language is not null && code is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["language"] = [$"The language must be one of: {string.Join(", ", FaqLanguages.All)}."] },
                title: "The language is not supported.");
        }

        return answering.Questions(code ?? FaqLanguages.English) is { } questions
            ? TypedResults.Ok(questions)
            : Replies.NotLoaded(httpContext, answering.NotLoadedReason);
    }
}
