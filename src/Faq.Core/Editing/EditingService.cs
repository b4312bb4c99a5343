using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Faq.Core.Editing;

/// <summary>
/// Makes a saved change the FAQ that is served: the app reloads the index it answers from, so whoever saved the change
/// gets the new answer to their next question (read-your-writes). The command-line tool has nothing to reload.
/// </summary>
public interface IFaqReloader
{
    /// <summary>Reloads the served FAQ from the store, waiting a bounded time for it to be served.</summary>
    Task ReloadAsync(CancellationToken cancellationToken);
}

/// <summary>The entry breaks the rules of <see cref="EntryValidator"/>; nothing was saved.</summary>
public sealed class FaqEntryInvalidException(string id, IReadOnlyDictionary<string, string[]> errors)
    : Exception($"The FAQ entry '{id}' is not valid: {string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}")
{
    /// <summary>The entry id.</summary>
    public string Id { get; } = id;

    /// <summary>What is wrong, by field (<c>alternates[2]</c>), as <see cref="EntryValidator.Validate"/> reports it.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>
/// The one way the FAQ is changed, by the admin API, the staff page, the review queue, imports and the command-line
/// tool alike: every change is checked by <see cref="EntryValidator"/> against the entries in the store now, saved with
/// the entry's vectors (so nothing is embedded at question time), and then served through the
/// <see cref="IFaqReloader"/> before the call returns. If embedding fails, or no generator is given, the entry is saved
/// without vectors and the app embeds it when it next loads the FAQ. Changes made through one service are checked and
/// saved one at a time.
/// </summary>
/// <param name="store">Where entries are kept.</param>
/// <param name="embeddings">Computes entry vectors; null saves entries without them.</param>
/// <param name="logger">Receives embedding failures and import rollbacks.</param>
/// <param name="reloader">Serves each change once it is saved; null when nothing is served (the command-line tool).</param>
public sealed partial class EditingService(
    IFaqStore store, IEmbeddingGenerator<string, Embedding<float>>? embeddings, ILogger<EditingService> logger, IFaqReloader? reloader = null) : IDisposable
{
    private const int AttachAttempts = 5;
    private readonly EntryEmbedder? _embedder = embeddings is null ? null : new(embeddings);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>Creates an entry.</summary>
    /// <exception cref="FaqEntryExistsException">An entry with that id exists, deleted or not.</exception>
    /// <exception cref="FaqEntryInvalidException">The entry breaks a rule.</exception>
    public Task<StoredEntry> CreateAsync(FaqEntry entry, string editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return SaveAsync(async all =>
        {
            if (all.FirstOrDefault(e => e.Entry.Id == entry.Id) is { } existing)
            {
                throw new FaqEntryExistsException(existing);
            }

            Check(entry, all);
            return await store.CreateAsync(entry, editor, await VectorsAsync(entry, cancellationToken), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Replaces an entry if it is still at <paramref name="ifMatch"/>.</summary>
    /// <exception cref="FaqEntryNotFoundException">No such entry.</exception>
    /// <exception cref="FaqConcurrencyException">The entry changed since it was read.</exception>
    /// <exception cref="FaqEntryInvalidException">The entry breaks a rule.</exception>
    public Task<StoredEntry> UpdateAsync(FaqEntry entry, string ifMatch, string editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return SaveAsync(async all =>
        {
            var current = all.FirstOrDefault(e => e.Entry.Id == entry.Id) ?? throw new FaqEntryNotFoundException(entry.Id);
            if (current.ETag != ifMatch)
            {
                throw new FaqConcurrencyException(current);
            }

            Check(entry, all);
            return await store.UpdateAsync(entry, ifMatch, editor, await VectorsAsync(entry, cancellationToken), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Soft-deletes an entry; a null <paramref name="ifMatch"/> deletes whatever is current.</summary>
    public Task<StoredEntry> DeleteAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken) =>
        SaveAsync(_ => store.DeleteAsync(id, ifMatch, editor, cancellationToken), cancellationToken);

    /// <summary>Restores a deleted entry, if its wordings still clash with no other entry.</summary>
    public Task<StoredEntry> RestoreAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken) =>
        SaveAsync(async all =>
        {
            var current = all.FirstOrDefault(e => e.Entry.Id == id) ?? throw new FaqEntryNotFoundException(id);
            Check(current.Entry, all);
            return await store.RestoreAsync(id, ifMatch, editor, cancellationToken);
        }, cancellationToken);

    /// <summary>Makes an earlier version of an entry current again (as a new version), if it still fits the FAQ.</summary>
    /// <exception cref="FaqVersionNotFoundException">The entry has no such version.</exception>
    public Task<StoredEntry> RevertAsync(string id, long version, string? ifMatch, string editor, CancellationToken cancellationToken) =>
        SaveAsync(async all =>
        {
            var target = (await store.HistoryAsync(id, cancellationToken)).FirstOrDefault(v => v.Version == version)
                ?? throw new FaqVersionNotFoundException(id, version);
            Check(target.Entry, all);
            return await store.RevertAsync(id, version, ifMatch, editor, await VectorsAsync(target.Entry, cancellationToken), cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Adds a question as an alternate of an entry (a no-op if it is already there), under the same rules as any
    /// edit, retrying if someone else changes the entry at the same moment, so nothing they saved is overwritten.
    /// </summary>
    /// <exception cref="FaqEntryNotFoundException">No such entry, or it is deleted.</exception>
    /// <exception cref="FaqEntryInvalidException">The question cannot be an alternate of that entry.</exception>
    public Task<StoredEntry> AddAlternateAsync(string faqId, string question, string editor, CancellationToken cancellationToken) =>
        AddAlternatesAsync(faqId, [question], editor, cancellationToken);

    /// <summary>
    /// Adds questions as alternates of an entry in one new version (those it already has, or that repeat each other,
    /// once), under the same rules as any edit, retrying if someone else changes the entry at the same moment.
    /// </summary>
    /// <exception cref="FaqEntryNotFoundException">No such entry, or it is deleted.</exception>
    /// <exception cref="FaqEntryInvalidException">A question cannot be an alternate of that entry, or the entry would have too many.</exception>
    public async Task<StoredEntry> AddAlternatesAsync(string faqId, IReadOnlyList<string> questions, string editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetAsync(faqId, cancellationToken);
            if (current is null || current.Deleted)
            {
                throw new FaqEntryNotFoundException(faqId);
            }

            var known = current.Entry.Alternates.Prepend(current.Entry.Question).Select(EntryValidator.Key).ToHashSet(StringComparer.Ordinal);
            var added = questions.Select(q => q.Trim()).Where(q => known.Add(EntryValidator.Key(q))).ToList();
            if (added.Count == 0)
            {
                return current;
            }

            try
            {
                return await UpdateAsync(current.Entry with { Alternates = [.. current.Entry.Alternates, .. added] }, current.ETag, editor, cancellationToken);
            }
            catch (FaqConcurrencyException) when (attempt < AttachAttempts)
            {
                // Someone saved the entry in between: read it again and add the alternates to their version.
            }
        }
    }

    /// <summary>
    /// Imports rows: every row is checked against the FAQ as it will be afterwards (so related ids may point at entries
    /// the same rows create); nothing is written unless <paramref name="apply"/> is set and every row is valid. Applied,
    /// the rows are written one by one and a failure undoes those already written, so an import lands whole or not at
    /// all. Not cancellable once writing starts.
    /// </summary>
    /// <param name="rows">The rows read from the import file.</param>
    /// <param name="apply">False for a dry run.</param>
    /// <param name="editor">Recorded as the editor of every change.</param>
    /// <param name="progress">Receives the number of rows written so far.</param>
    /// <param name="cancellationToken">Cancels the planning.</param>
    /// <returns>What the import did, or would do, row by row.</returns>
    public async Task<ImportReport> ImportAsync(
        IReadOnlyList<ImportRow> rows, bool apply, string editor, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ImportPlan plan;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            plan = ImportPlan.Make(rows, await store.ListAsync(includeDeleted: true, cancellationToken));
            if (!apply || plan.Rejected > 0)
            {
                return plan.Report(dryRun: !apply, applied: false);
            }

            await plan.ApplyAsync(store, entry => VectorsAsync(entry, CancellationToken.None), editor, logger, progress);
        }
        finally
        {
            _gate.Release();
        }

        await ServeAsync(cancellationToken);
        return plan.Report(dryRun: false, applied: true);
    }

    private async Task<StoredEntry> SaveAsync(Func<IReadOnlyList<StoredEntry>, Task<StoredEntry>> save, CancellationToken cancellationToken)
    {
        StoredEntry saved;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            saved = await save(await store.ListAsync(includeDeleted: true, cancellationToken));
        }
        finally
        {
            _gate.Release();
        }

        await ServeAsync(cancellationToken);
        return saved;
    }

    private Task ServeAsync(CancellationToken cancellationToken) => reloader?.ReloadAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Checks an entry against every other live entry in <paramref name="all"/>.</summary>
    private static void Check(FaqEntry entry, IReadOnlyList<StoredEntry> all)
    {
        var live = all.Where(e => !e.Deleted).ToList();
        var errors = EntryValidator.Validate(
            entry, live.Where(e => e.Entry.Id != entry.Id).Select(e => e.Entry), live.Select(e => e.Entry.Id).ToHashSet(StringComparer.Ordinal));
        if (errors.Count > 0)
        {
            throw new FaqEntryInvalidException(entry.Id, errors);
        }
    }

    private async Task<EntryVectors?> VectorsAsync(FaqEntry entry, CancellationToken cancellationToken)
    {
        if (_embedder is null)
        {
            return null;
        }

        try
        {
            return await _embedder.EmbedAsync(entry, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEmbeddingFailed(logger, entry.Id, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving {FaqId} without vectors (embedding failed: {Reason}); they are computed on the next refresh")]
    private static partial void LogEmbeddingFailed(ILogger logger, string faqId, string reason);
}
