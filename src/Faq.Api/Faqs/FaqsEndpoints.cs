using Faq.Api.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Faq.Api.Faqs;

/// <summary>An entry's id and question, for suggestion lists and menus.</summary>
internal sealed record FaqSummary(string FaqId, string Question);

internal static class FaqsEndpoints
{
    public static RouteGroupBuilder MapFaqs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/faqs").WithTags("FAQ").RequireCors(Widget.WidgetOptions.CorsPolicy).RequireRateLimiting(Infrastructure.RateLimiting.PublicPolicy);
        group.MapGet("/", List).WithName("ListFaqs");
        return group;
    }

    internal static Results<Ok<FaqSummary[]>, ProblemHttpResult> List(HttpContext httpContext, FaqCatalog catalog, Widget.WidgetOptions widget)
    {
        var snapshot = catalog.Current;
        if (snapshot is null)
        {
            return Ask.AskEndpoints.NotLoaded(httpContext, catalog);
        }

        // The clinic's featured questions first, in its order; then the rest by id.
        var featured = widget.FeaturedQuestions;
        return TypedResults.Ok(snapshot.Index.Entries
            .OrderBy(e => featured.IndexOf(e.Id) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => new FaqSummary(e.Id, e.Question))
            .ToArray());
    }
}
