using Faq.Api.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Faq.Api.Faqs;

/// <summary>An entry's id and question, for suggestion lists and menus.</summary>
internal sealed record FaqSummary(string FaqId, string Question);

internal static class FaqsEndpoints
{
    public static RouteGroupBuilder MapFaqs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/faqs").WithTags("FAQ");
        group.MapGet("/", List).WithName("ListFaqs");
        return group;
    }

    internal static Results<Ok<FaqSummary[]>, ProblemHttpResult> List(HttpContext httpContext, FaqCatalog catalog)
    {
        var snapshot = catalog.Current;
        if (snapshot is null)
        {
            return Ask.AskEndpoints.NotLoaded(httpContext, catalog);
        }

        return TypedResults.Ok(snapshot.Index.Entries.Select(e => new FaqSummary(e.Id, e.Question)).ToArray());
    }
}
