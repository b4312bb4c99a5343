using Faq.Core.Editing;
using Faq.Core.Storage;

namespace Faq.Api.Admin;

/// <summary>The admin API's results for changes and their problem responses: the same for every endpoint that changes the FAQ.</summary>
internal static class AdminResults
{
    /// <summary>The saved entry with its ETag, or the problem the editing service refused the change with.</summary>
    public static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> Saved(HttpContext http, Func<Task<StoredEntry>> save)
    {
        try
        {
            var saved = await save();
            http.Response.Headers.ETag = saved.ETag;
            return TypedResults.Ok(EntryDto.From(saved));
        }
        catch (FaqEntryInvalidException ex)
        {
            return Invalid(ex.Errors);
        }
        catch (Exception ex) when (For(ex) is { } problem)
        {
            return problem;
        }
    }

    public static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "No such entry.", detail: $"There is no FAQ entry \"{Shorten(id)}\".", statusCode: StatusCodes.Status404NotFound);

    /// <summary>An id as echoed in a problem: a client-sent id can be any length.</summary>
    private static string Shorten(string id) => id.Length <= EntryValidator.MaxIdLength ? id : string.Concat(id.AsSpan(0, EntryValidator.MaxIdLength), "…");

    public static ProblemHttpResult Exists(StoredEntry existing) => TypedResults.Problem(
        title: "An entry with this id already exists.",
        detail: existing.Deleted ? $"\"{existing.Entry.Id}\" exists but is deleted: restore it instead." : $"\"{existing.Entry.Id}\" already exists: edit it instead.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult PreconditionRequired() => TypedResults.Problem(
        title: "If-Match is required.",
        detail: "Send the entry's ETag (from GET) in If-Match, so a change made meanwhile by someone else is never overwritten.",
        statusCode: StatusCodes.Status428PreconditionRequired,
        type: "https://www.rfc-editor.org/rfc/rfc6585#section-3");

    public static ProblemHttpResult Stale(StoredEntry current) => TypedResults.Problem(
        title: "The entry was changed by someone else.",
        detail: $"It is now version {current.Version}, saved by {current.UpdatedBy}. Reload it, apply your change again and save with the new ETag.",
        statusCode: StatusCodes.Status412PreconditionFailed,
        extensions: new Dictionary<string, object?> { ["current"] = EntryDto.From(current) });

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The entry is not valid.");

    /// <summary>The problem for a change the editing service refused (other than an invalid entry), or null for any other failure.</summary>
    public static ProblemHttpResult? For(Exception exception) => exception switch
    {
        FaqEntryNotFoundException notFound => NotFound(notFound.Id),
        FaqVersionNotFoundException version => TypedResults.Problem(title: "No such version.", detail: version.Message, statusCode: StatusCodes.Status404NotFound),
        FaqConcurrencyException stale => Stale(stale.Current),
        FaqEntryExistsException exists => Exists(exists.Existing),
        _ => null,
    };
}
