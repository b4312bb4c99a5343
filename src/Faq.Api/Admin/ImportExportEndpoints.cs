using System.Globalization;
using System.Security.Claims;
using System.Text;
using Faq.Core.Content;
using Faq.Core.Editing;
using Faq.Core.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Faq.Api.Admin;

internal static class ImportExportEndpoints
{
    public const long MaxImportBytes = 5 * 1024 * 1024;

    public static RouteGroupBuilder MapAdminImportExport(this RouteGroupBuilder admin)
    {
        admin.MapPost("/import", Import)
            .WithName("Import")
            .WithTags("Admin: import and export")
            .Accepts<FaqSetDocumentDto>("application/json", "text/csv")
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        admin.MapGet("/export", Export).WithName("Export").WithTags("Admin: import and export")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return admin;
    }

    internal static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> Import(
        HttpRequest request, bool? dryRun, EditingService editing, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("application/json" or "text/csv"))
        {
            return TypedResults.Problem(
                title: "The import must be JSON or CSV.",
                detail: "Send the data/faq JSON format as application/json, or CSV (id, question, alternates, answer, tags, related) as text/csv.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var body = await reader.ReadToEndAsync(cancellationToken);
        IReadOnlyList<ImportRow> rows;
        try
        {
            rows = FaqFormats.ReadRows(body, mediaType == "text/csv" ? FaqFormat.Csv : FaqFormat.Json);
        }
        catch (FormatException ex)
        {
            return TypedResults.Problem(title: "The import could not be read.", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        ImportReport report;
        try
        {
            report = await editing.ImportAsync(rows, apply: dryRun == false, user.Editor(), progress: null, cancellationToken);
        }
        catch (Exception ex) when (ex is FaqConcurrencyException or FaqEntryExistsException or FaqEntryNotFoundException)
        {
            return TypedResults.Problem(
                title: "The FAQ changed while importing; nothing was applied.",
                detail: ex.Message + " Run the dry run again and re-apply.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return report.DryRun || report.Applied ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(string? format, IFaqStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var entries = (await store.ListAsync(includeDeleted: false, cancellationToken)).Select(e => e.Entry).ToList();
        var stamp = time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return (format ?? "json").ToLowerInvariant() switch
        {
            "json" => TypedResults.File(await FaqFormats.WriteAsync(entries, FaqFormat.Json, cancellationToken), "application/json", $"faq-{stamp}.json"),
            "csv" => TypedResults.File(await FaqFormats.WriteAsync(entries, FaqFormat.Csv, cancellationToken), "text/csv; charset=utf-8", $"faq-{stamp}.csv"),
            _ => TypedResults.Problem(title: "Unknown export format.", detail: "Use format=json or format=csv.", statusCode: StatusCodes.Status400BadRequest),
        };
    }
}
