using Faq.Api.Answering;
using Faq.Api.Widget;
using Faq.Core.Answering;

namespace Faq.Api.Faqs;

internal static class FaqsEndpoints
{
    public static RouteGroupBuilder MapFaqs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/faqs").WithTags("FAQ").RequireCors(WidgetOptions.CorsPolicy).RequireRateLimiting(RateLimiting.PublicPolicy);
        group.MapGet("/", List).WithName("ListFaqs")
            .ProducesProblems(StatusCodes.Status503ServiceUnavailable)
            .AcceptsIntegrationKey();
        return group;
    }

    /// <summary>Every entry's id and question, the clinic's featured questions first.</summary>
    internal static Results<Ok<IReadOnlyList<Suggestion>>, ProblemHttpResult> List(HttpContext httpContext, AnsweringService answering) =>
        answering.Questions() is { } questions
            ? TypedResults.Ok(questions)
            : Replies.NotLoaded(httpContext, answering.NotLoadedReason);
}
