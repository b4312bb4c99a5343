using System.Security.Claims;
using Faq.Api.Infrastructure;
using Faq.Core.Editing;
using Faq.Core.Analysis;
using Faq.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Faq.Api.Admin;

internal static class EntriesEndpoints
{
    public static RouteGroupBuilder MapAdminEntries(this RouteGroupBuilder admin)
    {
        var entries = admin.MapGroup("/entries").WithTags("Admin: entries")
            .NotFoundUnlessPossibleId(EntryValidator.IsValidId, AdminProblems.NotFound); // too long, upper case, a '|'…
        entries.MapGet("/", List).WithName("ListEntries");
        entries.MapPost("/", Create).WithName("CreateEntry").Accepts<EntryInput>("application/json");
        entries.MapGet("/{id}", Get).WithName("GetEntry");
        entries.MapPut("/{id}", Update).WithName("UpdateEntry").Accepts<EntryInput>("application/json");
        entries.MapDelete("/{id}", Delete).WithName("DeleteEntry");
        entries.MapPost("/{id}/restore", Restore).WithName("RestoreEntry");
        entries.MapGet("/{id}/history", History).WithName("EntryHistory");
        entries.MapPost("/{id}/revert/{version:long}", Revert).WithName("RevertEntry");
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
            return AdminProblems.NotFound(id);
        }

        http.Response.Headers.ETag = entry.ETag;
        return TypedResults.Ok(EntryDto.From(entry));
    }

    internal static async Task<Results<Created<EntryDto>, ValidationProblem, ProblemHttpResult>> Create(
        EntryInput input, FaqEditor editor, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var entry = input.ToEntry();
        var all = await editor.Store.ListAsync(includeDeleted: true, cancellationToken);
        var existing = all.FirstOrDefault(e => e.Entry.Id == entry.Id);
        if (existing is not null)
        {
            return AdminProblems.Exists(existing);
        }

        var errors = EntryValidator.Validate(entry, all.Where(e => !e.Deleted).Select(e => e.Entry), LiveIds(all));
        if (errors.Count > 0)
        {
            return AdminProblems.Invalid(errors);
        }

        try
        {
            var created = await editor.CreateAsync(entry, user.Editor(), cancellationToken);
            http.Response.Headers.ETag = created.ETag;
            return TypedResults.Created($"/api/admin/entries/{Uri.EscapeDataString(created.Entry.Id)}", EntryDto.From(created));
        }
        catch (FaqEntryExistsException ex)
        {
            return AdminProblems.Exists(ex.Existing);
        }
    }

    internal static async Task<Results<Ok<EntryDto>, ValidationProblem, ProblemHttpResult>> Update(
        string id, EntryInput input, [FromHeader(Name = "If-Match")] string? ifMatch,
        FaqEditor editor, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return AdminProblems.PreconditionRequired();
        }

        if (input.Id is not null && input.Id.Trim() != id)
        {
            return AdminProblems.Invalid(new() { ["id"] = [$"The id in the body (\"{input.Id}\") does not match the address (\"{id}\"); ids cannot be changed."] });
        }

        var all = await editor.Store.ListAsync(includeDeleted: true, cancellationToken);
        var current = all.FirstOrDefault(e => e.Entry.Id == id);
        if (current is null)
        {
            return AdminProblems.NotFound(id);
        }

        if (current.ETag != ifMatch)
        {
            return AdminProblems.Stale(current);
        }

        var entry = input.ToEntry(id);
        var errors = EntryValidator.Validate(entry, all.Where(e => !e.Deleted && e.Entry.Id != id).Select(e => e.Entry), LiveIds(all));
        if (errors.Count > 0)
        {
            return AdminProblems.Invalid(errors);
        }

        try
        {
            var updated = await editor.UpdateAsync(entry, ifMatch, user.Editor(), cancellationToken);
            http.Response.Headers.ETag = updated.ETag;
            return TypedResults.Ok(EntryDto.From(updated));
        }
        catch (FaqConcurrencyException ex)
        {
            return AdminProblems.Stale(ex.Current);
        }
    }

    internal static Task<Results<Ok<EntryDto>, ProblemHttpResult>> Delete(
        string id, [FromHeader(Name = "If-Match")] string? ifMatch, FaqEditor editor, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        Change(id, http, () => editor.DeleteAsync(id, NullIfBlank(ifMatch), user.Editor(), cancellationToken));

    internal static Task<Results<Ok<EntryDto>, ProblemHttpResult>> Restore(
        string id, [FromHeader(Name = "If-Match")] string? ifMatch, FaqEditor editor, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        Change(id, http, () => editor.RestoreAsync(id, NullIfBlank(ifMatch), user.Editor(), cancellationToken));

    internal static Task<Results<Ok<EntryDto>, ProblemHttpResult>> Revert(
        string id, long version, [FromHeader(Name = "If-Match")] string? ifMatch, FaqEditor editor, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken) =>
        Change(id, http, () => editor.RevertAsync(id, version, NullIfBlank(ifMatch), user.Editor(), cancellationToken));

    internal static async Task<Results<Ok<VersionDto[]>, ProblemHttpResult>> History(string id, IFaqStore store, CancellationToken cancellationToken)
    {
        var versions = await store.HistoryAsync(id, cancellationToken);
        return versions.Count == 0 ? AdminProblems.NotFound(id) : TypedResults.Ok(versions.Select(VersionDto.From).ToArray());
    }

    private static async Task<Results<Ok<EntryDto>, ProblemHttpResult>> Change(string id, HttpContext http, Func<Task<StoredEntry>> change)
    {
        try
        {
            var result = await change();
            http.Response.Headers.ETag = result.ETag;
            return TypedResults.Ok(EntryDto.From(result));
        }
        catch (FaqEntryNotFoundException)
        {
            return AdminProblems.NotFound(id);
        }
        catch (FaqVersionNotFoundException ex)
        {
            return TypedResults.Problem(title: "No such version.", detail: ex.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (FaqConcurrencyException ex)
        {
            return AdminProblems.Stale(ex.Current);
        }
    }

    internal static HashSet<string> LiveIds(IEnumerable<StoredEntry> all) =>
        all.Where(e => !e.Deleted).Select(e => e.Entry.Id).ToHashSet(StringComparer.Ordinal);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>The admin API's problem responses.</summary>
internal static class AdminProblems
{
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

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The entry is not valid.");
}
