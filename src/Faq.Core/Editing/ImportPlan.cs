using System.Text.Json.Serialization;
using Faq.Core.Content;
using Faq.Core.Embeddings;
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

/// <summary>One row: its action, and why a row is rejected.</summary>
/// <param name="Row">Row number in the file (1-based).</param>
/// <param name="Id">The entry id, when the row could be read.</param>
/// <param name="Action">What happens to the row.</param>
/// <param name="Errors">Why the row is rejected, by field.</param>
public sealed record ImportRowReport(int Row, string? Id, ImportAction Action, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>What an import does with a row.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImportAction>))]
public enum ImportAction
{
    /// <summary>A new entry.</summary>
    [JsonStringEnumMemberName("create")]
    Create,

    /// <summary>The entry changes (or comes back, if it was deleted).</summary>
    [JsonStringEnumMemberName("update")]
    Update,

    /// <summary>The row says what the entry already says.</summary>
    [JsonStringEnumMemberName("unchanged")]
    Unchanged,

    /// <summary>The row has errors; nothing is imported.</summary>
    [JsonStringEnumMemberName("reject")]
    Reject,
}

/// <summary>
/// What an import will do (see <see cref="EditingService.ImportAsync"/>): every row validated against the FAQ as it
/// will be after the import, and how to write it whole or not at all.
/// </summary>
internal sealed partial class ImportPlan
{
    private readonly List<PlannedRow> _rows = [];

    /// <summary>Rows that cannot be imported; nothing is applied while there are any.</summary>
    public int Rejected => _rows.Count(r => r.Action == ImportAction.Reject);

    /// <summary>Plans an import of <paramref name="rows"/> into a FAQ that holds <paramref name="existing"/>.</summary>
    public static ImportPlan Make(IReadOnlyList<ImportRow> rows, IReadOnlyList<StoredEntry> existing)
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
                plan._rows.Add(PlannedRow.Rejected(row.Row, null, new() { ["row"] = [row.Error ?? "The row could not be read."] }));
                continue;
            }

            if (importIds[entry.Id] != row.Row)
            {
                plan._rows.Add(PlannedRow.Rejected(row.Row, entry.Id, new() { ["id"] = [$"The id \"{entry.Id}\" is also used by row {importIds[entry.Id]}."] }));
                continue;
            }

            var others = after.Where(e => !ReferenceEquals(e, entry) && e.Id != entry.Id);
            var errors = EntryValidator.Validate(entry, others, knownIds);
            if (errors.Count > 0)
            {
                plan._rows.Add(PlannedRow.Rejected(row.Row, entry.Id, errors));
                continue;
            }

            var current = byId.GetValueOrDefault(entry.Id);
            var action = current is null ? ImportAction.Create
                : !current.Deleted && current.Entry.HasSameContent(entry) ? ImportAction.Unchanged
                : ImportAction.Update;
            plan._rows.Add(new PlannedRow(row.Row, entry.Id, action, entry, current, null));
        }

        return plan;
    }

    /// <summary>What the import does (or did) row by row.</summary>
    public ImportReport Report(bool dryRun, bool applied) => new(
        dryRun,
        applied,
        new ImportSummary(Count(ImportAction.Create), Count(ImportAction.Update), Count(ImportAction.Unchanged), Rejected),
        [.. _rows.Select(r => new ImportRowReport(r.Row, r.Id, r.Action, r.Errors))]);

    private int Count(ImportAction action) => _rows.Count(r => r.Action == action);

    /// <summary>
    /// Writes the planned rows (already validated as a whole: one by one, a row may clash with an entry a later row
    /// changes); if one fails, undoes those already written and rethrows. Deliberately not cancellable.
    /// </summary>
    public async Task ApplyAsync(IFaqStore store, Func<FaqEntry, Task<EntryVectors?>> vectors, string user, ILogger logger, IProgress<int>? progress)
    {
        var done = new List<(ImportAction Action, StoredEntry Before, StoredEntry After)>();
        try
        {
            foreach (var row in _rows.Where(r => r.Action is ImportAction.Create or ImportAction.Update))
            {
                if (row.Action == ImportAction.Create)
                {
                    var created = await store.CreateAsync(row.Entry!, user, await vectors(row.Entry!), CancellationToken.None);
                    done.Add((ImportAction.Create, created, created));
                }
                else
                {
                    var current = row.Current!;
                    if (current.Deleted)
                    {
                        current = await store.RestoreAsync(current.Entry.Id, current.ETag, user, CancellationToken.None);
                    }

                    var updated = await store.UpdateAsync(row.Entry!, current.ETag, user, await vectors(row.Entry!), CancellationToken.None);
                    done.Add((ImportAction.Update, row.Current!, updated));
                }

                progress?.Report(done.Count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRollingBack(logger, done.Count, ex.Message);
            foreach (var (action, before, after) in Enumerable.Reverse(done))
            {
                try
                {
                    if (action == ImportAction.Create)
                    {
                        await store.DeleteAsync(after.Entry.Id, after.ETag, user, CancellationToken.None);
                    }
                    else
                    {
                        var reverted = await store.RevertAsync(after.Entry.Id, before.Version, after.ETag, user, await vectors(before.Entry), CancellationToken.None);
                        if (before.Deleted)
                        {
                            await store.DeleteAsync(reverted.Entry.Id, reverted.ETag, user, CancellationToken.None);
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

    private sealed record PlannedRow(int Row, string? Id, ImportAction Action, FaqEntry? Entry, StoredEntry? Current, Dictionary<string, string[]>? Errors)
    {
        public static PlannedRow Rejected(int row, string? id, Dictionary<string, string[]> errors) => new(row, id, ImportAction.Reject, null, null, errors);
    }
}
