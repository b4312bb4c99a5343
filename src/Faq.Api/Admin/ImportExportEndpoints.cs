using System.Security.Claims;
using System.Text;
using Faq.Core.Content;
using Faq.Core.Editing;
using Faq.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Faq.Api.Admin;

internal static partial class ImportExportEndpoints
{
    public const long MaxImportBytes = 5 * 1024 * 1024;

    public static RouteGroupBuilder MapAdminImportExport(this RouteGroupBuilder admin)
    {
        admin.MapPost("/import", Import)
            .WithName("Import")
            .WithTags("Admin: import and export")
            .Accepts<FaqSetDocumentDto>("application/json", "text/csv")
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes));
        admin.MapGet("/export", Export).WithName("Export").WithTags("Admin: import and export");
        return admin;
    }

    internal static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ProblemHttpResult>> Import(
        HttpRequest request, bool? dryRun, FaqEditor editor, ClaimsPrincipal user, ILogger<ImportPlan> logger, CancellationToken cancellationToken)
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
        IReadOnlyList<CsvRow> rows;
        try
        {
            rows = FaqFormats.ReadRows(body, mediaType == "text/csv" ? FaqFormat.Csv : FaqFormat.Json);
        }
        catch (FormatException ex)
        {
            return TypedResults.Problem(title: "The import could not be read.", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var existing = await editor.Store.ListAsync(includeDeleted: true, cancellationToken);
        var plan = ImportPlan.Make(rows, existing);
        var simulate = dryRun ?? true;
        if (simulate)
        {
            return TypedResults.Ok(plan.Report(dryRun: true, applied: false));
        }

        if (plan.Rejected > 0)
        {
            return TypedResults.UnprocessableEntity(plan.Report(dryRun: false, applied: false));
        }

        try
        {
            await plan.ApplyAsync(editor, user.Editor(), logger, progress: null);
        }
        catch (Exception ex) when (ex is FaqConcurrencyException or FaqEntryExistsException or FaqEntryNotFoundException)
        {
            return TypedResults.Problem(
                title: "The FAQ changed while importing; nothing was applied.",
                detail: ex.Message + " Run the dry run again and re-apply.",
                statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(plan.Report(dryRun: false, applied: true));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(string? format, IFaqStore store, CancellationToken cancellationToken)
    {
        var entries = (await store.ListAsync(includeDeleted: false, cancellationToken)).Select(e => e.Entry).ToList();
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return (format ?? "json").ToLowerInvariant() switch
        {
            "json" => TypedResults.File(await FaqFormats.WriteAsync(entries, FaqFormat.Json, cancellationToken), "application/json", $"faq-{stamp}.json"),
            "csv" => TypedResults.File(await FaqFormats.WriteAsync(entries, FaqFormat.Csv, cancellationToken), "text/csv; charset=utf-8", $"faq-{stamp}.csv"),
            _ => TypedResults.Problem(title: "Unknown export format.", detail: "Use format=json or format=csv.", statusCode: StatusCodes.Status400BadRequest),
        };
    }
}

/// <summary>Only for the OpenAPI description of the JSON import body.</summary>
internal sealed record FaqSetDocumentDto(IReadOnlyList<EntryInput> Entries);
