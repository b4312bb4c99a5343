using System.Security.Claims;
using Faq.Core.Analysis;
using Faq.Core.Content;
using Faq.Core.Editing;
using Faq.Core.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Faq.Api.Admin;

internal static class EntriesEndpoints
{
    public static RouteGroupBuilder MapAdminEntries(this RouteGroupBuilder admin)
    {
        var entries = admin.MapGroup("/entries").WithTags("Admin: entries")
            .NotFoundUnlessPossibleId(EntryValidator.IsValidId, AdminResults.NotFound); // too long, upper case, a '|'…
        entries.MapGet("/", List).WithName("ListEntries");
        entries.MapPost("/", Create).WithName("CreateEntry").Accepts<EntryInput>("application/json")
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        entries.MapGet("/{id}", Get).WithName("GetEntry")
            .ProducesProblems(StatusCodes.Status404NotFound);
        entries.MapPut("/{id}", Update).WithName("UpdateEntry").Accepts<EntryInput>("application/json")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        entries.MapDelete("/{id}", Delete).WithName("DeleteEntry")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed);
        entries.MapPost("/{id}/restore", Restore).WithName("RestoreEntry")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed);
        entries.MapGet("/{id}/history", History).WithName("EntryHistory")
            .ProducesProblems(StatusCodes.Status404NotFound);
        entries.MapPost("/{id}/revert/{version:long}", Revert).WithName("RevertEntry")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed);
        return entries;
    }

    internal static string Editor(this ClaimsPrincipal user) => user.Identity?.Name ?? "staff";

    internal static async Task<Ok<EntryDto[]>> List(IFaqStore store, string? q, bool? includeDeleted, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(includeDeleted ?? false, cancellationToken);
        var matches = string.IsNullOrWhiteSpace(q) ? all : all.Where(e => Matches(e, q));
        return TypedResults.Ok(matches.Select(EntryDto.From).ToArray());
    }

    // Search folds case and accents and looks in every text field, so staff find "Achilles" by typing "achilles".
    private static bool Matches(StoredEntry e, string q)
    {
        var needle = TextAnalyzer.Fold(q.Trim());
        return new[] { e.Entry.Id, e.Entry.Question, e.Entry.Answer }
            .Concat(e.Entry.Alternates).Concat(e.Entry.Tags)
            .Any(text => TextAnalyzer.Fold(text).Contains(needle, StringComparison.Ordinal));
    }

    internal static async Task<Results<Ok<EntryDto>, ProblemHttpResult>> Get(string id, IFaqStore store, HttpContext http, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(id, cancellationToken);
        if (entry is null)
        {
            return AdminResults.NotFound(id);
        }

        http.Response.Headers.ETag = entry.ETag;
        return TypedResults.Ok(EntryDto.From(entry));
    }

    internal static async Task<Results<Created<EntryDto>, ValidationProblem, ProblemHttpResult>> Create(
        EntryInput input, EditingService editing, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            var created = await editing.CreateAsync(input.ToEntry(), user.Editor(), cancellationToken);
            http.Response.Headers.ETag = created.ETag;
            return TypedResults.Created($"/api/admin/entries/{Uri.EscapeDataString(created.Entry.Id)}", EntryDto.From(created));
        }
        catch (FaqEntryInvalidException ex)
        {
            return AdminResults.Invalid(ex.Errors);
        }
        catch (Exception ex) when (AdminResults.For(ex) is { } problem)
        {
            return problem;
        }
    }

    internal static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> Update(
        string id, EntryInput input, [FromHeader(Name = "If-Match")] string? ifMatch,
        EditingService editing, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return AdminResults.PreconditionRequired();
        }

        if (input.Id is not null && input.Id.Trim() != id)
        {
            return AdminResults.Invalid(new Dictionary<string, string[]> { ["id"] = [$"The id in the body (\"{input.Id}\") does not match the address (\"{id}\"); ids cannot be changed."] });
        }

        return await AdminResults.Saved(http, () => editing.UpdateAsync(input.ToEntry(id), ifMatch, user.Editor(), cancellationToken));
    }

    internal static Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> Delete(
        string id, [FromHeader(Name = "If-Match")] string? ifMatch, EditingService editing, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        AdminResults.Saved(http, () => editing.DeleteAsync(id, NullIfBlank(ifMatch), user.Editor(), cancellationToken));

    internal static Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> Restore(
        string id, [FromHeader(Name = "If-Match")] string? ifMatch, EditingService editing, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        AdminResults.Saved(http, () => editing.RestoreAsync(id, NullIfBlank(ifMatch), user.Editor(), cancellationToken));

    internal static Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> Revert(
        string id, long version, [FromHeader(Name = "If-Match")] string? ifMatch, EditingService editing, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        AdminResults.Saved(http, () => editing.RevertAsync(id, version, NullIfBlank(ifMatch), user.Editor(), cancellationToken));

    internal static async Task<Results<Ok<VersionDto[]>, ProblemHttpResult>> History(string id, IFaqStore store, CancellationToken cancellationToken)
    {
        var versions = await store.HistoryAsync(id, cancellationToken);
        return versions.Count == 0 ? AdminResults.NotFound(id) : TypedResults.Ok(versions.Select(VersionDto.From).ToArray());
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
