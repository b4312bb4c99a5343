using Faq.Core.Content;
using Faq.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Faq.Core.Editing;

/// <summary>What an import did, or would do, row by row.</summary>
/// <param name="DryRun">Whether this was only a plan.</param>
/// <param name="Applied">Whether the rows were written.</param>
/// <param name="Summary">Counts per action.</param>
/// <param name="Rows">Each row's action and errors.</param>
public sealed record ImportReport(bool DryRun, bool Applied, ImportSummary Summary, IReadOnlyList<ImportRowReport> Rows);

/// <summary>Counts per action.</summary>
/// <param name="Created">New entries.</param>
/// <param name="Updated">Changed entries.</param>
/// <param name="Unchanged">Rows equal to the entry already there.</param>
/// <param name="Rejected">Rows with errors.</param>
public sealed record ImportSummary(int Created, int Updated, int Unchanged, int Rejected);

/// <summary>One row: <c>create</c>, <c>update</c>, <c>unchanged</c> or <c>reject</c>, and why a row is rejected.</summary>
/// <param name="Row">Row number in the file (1-based).</param>
/// <param name="Id">The entry id, when the row could be read.</param>
/// <param name="Action">What happens to the row.</param>
/// <param name="Errors">Why the row is rejected, by field.</param>
public sealed record ImportRowReport(int Row, string? Id, string Action, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>
/// What an import will do: every row validated against the FAQ as it will be after the import (so related ids may
/// point at entries the same file creates), nothing written until every row is valid. Applying writes row by row;
/// if a write fails midway, the rows already written are undone (created entries deleted, updated ones reverted),
/// so an import lands whole or not at all.
/// </summary>
public sealed partial class ImportPlan
{
    private readonly List<(int Row, string? Id, string Action, FaqEntry? Entry, StoredEntry? Current, Dictionary<string, string[]>? Errors)> _rows = [];

    /// <summary>Rows that cannot be imported; nothing is applied while there are any.</summary>
    public int Rejected => _rows.Count(r => r.Action == "reject");

    /// <summary>Plans an import of <paramref name="rows"/> into a FAQ that holds <paramref name="existing"/>.</summary>
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

    /// <summary>What the import does (or did) row by row.</summary>
    public ImportReport Report(bool dryRun, bool applied) => new(
        dryRun,
        applied,
        new ImportSummary(_rows.Count(r => r.Action == "create"), _rows.Count(r => r.Action == "update"), _rows.Count(r => r.Action == "unchanged"), Rejected),
        [.. _rows.Select(r => new ImportRowReport(r.Row, r.Id, r.Action, r.Errors))]);

    /// <summary>Rows that will be written (created or updated).</summary>
    public int Writes => _rows.Count(r => r.Action is "create" or "update");

    /// <summary>
    /// Writes the planned rows; if one fails, undoes those already written and rethrows. Deliberately not
    /// cancellable: once writing starts, an import is applied (or undone) whole.
    /// </summary>
    /// <param name="editor">Saves entries (with their vectors).</param>
    /// <param name="user">Recorded as the editor of every change.</param>
    /// <param name="logger">Receives a rollback and any undo that fails.</param>
    /// <param name="progress">Receives the number of rows written so far.</param>
    public async Task ApplyAsync(FaqEditor editor, string user, ILogger logger, IProgress<int>? progress)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var done = new List<(string Action, StoredEntry Before, StoredEntry After)>();
        try
        {
            foreach (var row in _rows.Where(r => r.Action is "create" or "update"))
            {
                if (row.Action == "create")
                {
                    var created = await editor.CreateAsync(row.Entry!, user, CancellationToken.None);
                    done.Add(("create", created, created));
                    progress?.Report(done.Count);
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
                    progress?.Report(done.Count);
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
