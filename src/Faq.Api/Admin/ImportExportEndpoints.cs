using System.Security.Claims;
using System.Text;
using Faq.Core.Content;
using Faq.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Faq.Api.Admin;

/// <summary>What an import did, or would do, row by row.</summary>
internal sealed record ImportReport(bool DryRun, bool Applied, ImportSummary Summary, IReadOnlyList<ImportRowReport> Rows);

/// <summary>Counts per action.</summary>
internal sealed record ImportSummary(int Created, int Updated, int Unchanged, int Rejected);

/// <summary>One row: <c>create</c>, <c>update</c>, <c>unchanged</c> or <c>reject</c>, and why a row is rejected.</summary>
internal sealed record ImportRowReport(int Row, string? Id, string Action, IReadOnlyDictionary<string, string[]>? Errors);

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
            rows = mediaType == "text/csv"
                ? FaqCsv.Parse(body)
                : [.. FaqSet.ParseLenient(body).Select((e, i) => new CsvRow(i + 1, e, null))];
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
            await plan.ApplyAsync(editor, user.Editor(), logger);
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
        switch ((format ?? "json").ToLowerInvariant())
        {
            case "json":
                using (var stream = new MemoryStream())
                {
                    await FaqSet.WriteAsync(stream, entries, cancellationToken);
                    return TypedResults.File(stream.ToArray(), "application/json", $"faq-{stamp}.json");
                }

            case "csv":
                return TypedResults.File(Encoding.UTF8.GetBytes(FaqCsv.Write(entries)), "text/csv; charset=utf-8", $"faq-{stamp}.csv");
            default:
                return TypedResults.Problem(title: "Unknown export format.", detail: "Use format=json or format=csv.", statusCode: StatusCodes.Status400BadRequest);
        }
    }
}

/// <summary>Only for the OpenAPI description of the JSON import body.</summary>
internal sealed record FaqSetDocumentDto(IReadOnlyList<EntryInput> Entries);

/// <summary>
/// What an import will do: every row validated against the FAQ as it will be after the import (so related ids may
/// point at entries the same file creates), nothing written until every row is valid. Applying writes row by row;
/// if a write fails midway, the rows already written are undone (created entries deleted, updated ones reverted),
/// so an import lands whole or not at all.
/// </summary>
internal sealed partial class ImportPlan
{
    private readonly List<(int Row, string? Id, string Action, FaqEntry? Entry, StoredEntry? Current, Dictionary<string, string[]>? Errors)> _rows = [];

    public int Rejected => _rows.Count(r => r.Action == "reject");

    public static ImportPlan Make(IReadOnlyList<CsvRow> rows, IReadOnlyList<StoredEntry> existing)
    {
        var plan = new ImportPlan();
        var byId = existing.ToDictionary(e => e.Entry.Id, StringComparer.Ordinal);
        var importIds = rows.Where(r => r.Entry is not null).GroupBy(r => r.Entry!.Id).ToDictionary(g => g.Key, g => g.First().Row, StringComparer.Ordinal);

        // The FAQ as it would be afterwards: imported rows replace existing entries with the same id.
        var after = existing.Where(e => !e.Deleted && !importIds.ContainsKey(e.Entry.Id)).Select(e => e.Entry)
            .Concat(rows.Where(r => r.Entry is not null).Select(r => r.Entry!)).ToList();
        var knownIds = after.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var row in rows)
        {
            if (row.Entry is not { } entry)
            {
                plan._rows.Add((row.Row, null, "reject", null, null, new() { ["row"] = [row.Error ?? "The row could not be read."] }));
                continue;
            }

            if (importIds[entry.Id] != row.Row)
            {
                plan._rows.Add((row.Row, entry.Id, "reject", null, null, new() { ["id"] = [$"The id \"{entry.Id}\" is also used by row {importIds[entry.Id]}."] }));
                continue;
            }

            var others = after.Where(e => !ReferenceEquals(e, entry) && e.Id != entry.Id);
            var errors = EntryValidator.Validate(entry, others, knownIds);
            if (errors.Count > 0)
            {
                plan._rows.Add((row.Row, entry.Id, "reject", null, null, errors));
                continue;
            }

            var current = byId.GetValueOrDefault(entry.Id);
            var action = current is null ? "create" : (!current.Deleted && current.Entry.HasSameContent(entry) ? "unchanged" : "update");
            plan._rows.Add((row.Row, entry.Id, action, entry, current, null));
        }

        return plan;
    }

    public ImportReport Report(bool dryRun, bool applied) => new(
        dryRun,
        applied,
        new ImportSummary(_rows.Count(r => r.Action == "create"), _rows.Count(r => r.Action == "update"), _rows.Count(r => r.Action == "unchanged"), Rejected),
        [.. _rows.Select(r => new ImportRowReport(r.Row, r.Id, r.Action, r.Errors))]);

    // Deliberately not cancellable: once writing starts, an import is applied (or undone) whole.
    public async Task ApplyAsync(FaqEditor editor, string user, ILogger logger)
    {
        var done = new List<(string Action, StoredEntry Before, StoredEntry After)>();
        try
        {
            foreach (var row in _rows.Where(r => r.Action is "create" or "update"))
            {
                if (row.Action == "create")
                {
                    var created = await editor.CreateAsync(row.Entry!, user, CancellationToken.None);
                    done.Add(("create", created, created));
                }
                else
                {
                    var current = row.Current!;
                    if (current.Deleted)
                    {
                        current = await editor.RestoreAsync(current.Entry.Id, current.ETag, user, CancellationToken.None);
                    }

                    var updated = await editor.UpdateAsync(row.Entry!, current.ETag, user, CancellationToken.None);
                    done.Add(("update", row.Current!, updated));
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRollingBack(logger, done.Count, ex.Message);
            foreach (var (action, before, after) in Enumerable.Reverse(done))
            {
                try
                {
                    if (action == "create")
                    {
                        await editor.DeleteAsync(after.Entry.Id, after.ETag, user, CancellationToken.None);
                    }
                    else
                    {
                        var reverted = await editor.RevertAsync(after.Entry.Id, before.Version, after.ETag, user, CancellationToken.None);
                        if (before.Deleted)
                        {
                            await editor.DeleteAsync(reverted.Entry.Id, reverted.ETag, user, CancellationToken.None);
                        }
                    }
                }
                catch (Exception undo) when (undo is not OperationCanceledException)
                {
                    LogUndoFailed(logger, after.Entry.Id, undo.Message);
                }
            }

            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import failed after {Done} writes ({Reason}); undoing them")]
    private static partial void LogRollingBack(ILogger logger, int done, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not undo the import's change to {FaqId}: {Reason}; its history shows both versions")]
    private static partial void LogUndoFailed(ILogger logger, string faqId, string reason);
}
