using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Faq.Core.Editing;

/// <summary>
/// Staff changes to the FAQ: computes each entry's vectors when it is saved (so nothing is embedded at question
/// time or on the next start) and reports every change (the app then reloads at once, so a change is answered
/// from immediately). If embedding fails, or no generator is given, the entry is saved without vectors and the
/// app embeds it when it next loads the FAQ.
/// </summary>
/// <param name="store">Where entries are kept.</param>
/// <param name="embeddings">Computes entry vectors; null saves entries without them.</param>
/// <param name="logger">Receives embedding failures.</param>
/// <param name="changed">Called after every successful change.</param>
public sealed partial class FaqEditor(
    IFaqStore store, IEmbeddingGenerator<string, Embedding<float>>? embeddings, ILogger<FaqEditor> logger, Action? changed = null)
{
    private readonly EntryEmbedder? _embedder = embeddings is null ? null : new(embeddings);

    /// <summary>The store the editor writes to.</summary>
    public IFaqStore Store => store;

    /// <summary>Creates an entry.</summary>
    public async Task<StoredEntry> CreateAsync(FaqEntry entry, string editor, CancellationToken cancellationToken) =>
        Changed(await store.CreateAsync(entry, editor, await VectorsAsync(entry, cancellationToken), cancellationToken));

    /// <summary>Replaces an entry if it is still at <paramref name="ifMatch"/>.</summary>
    public async Task<StoredEntry> UpdateAsync(FaqEntry entry, string ifMatch, string editor, CancellationToken cancellationToken) =>
        Changed(await store.UpdateAsync(entry, ifMatch, editor, await VectorsAsync(entry, cancellationToken), cancellationToken));

    /// <summary>Soft-deletes an entry.</summary>
    public async Task<StoredEntry> DeleteAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken) =>
        Changed(await store.DeleteAsync(id, ifMatch, editor, cancellationToken));

    /// <summary>Restores a deleted entry.</summary>
    public async Task<StoredEntry> RestoreAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken) =>
        Changed(await store.RestoreAsync(id, ifMatch, editor, cancellationToken));

    /// <summary>Makes an earlier version of an entry current again (as a new version).</summary>
    public async Task<StoredEntry> RevertAsync(string id, long version, string? ifMatch, string editor, CancellationToken cancellationToken)
    {
        var target = (await store.HistoryAsync(id, cancellationToken)).FirstOrDefault(v => v.Version == version)
            ?? throw new FaqVersionNotFoundException(id, version);
        return Changed(await store.RevertAsync(id, version, ifMatch, editor, await VectorsAsync(target.Entry, cancellationToken), cancellationToken));
    }

    /// <summary>
    /// Adds a question as an alternate of an entry (a no-op if it is already there), retrying if someone else
    /// changes the entry at the same moment, so the question is never lost and nothing is overwritten.
    /// </summary>
    public async Task<StoredEntry> AddAlternateAsync(string faqId, string question, string editor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await store.GetAsync(faqId, cancellationToken);
            if (current is null || current.Deleted)
            {
                throw new FaqEntryNotFoundException(faqId);
            }

            var key = EntryValidator.Key(question);
            if (current.Entry.Alternates.Prepend(current.Entry.Question).Any(a => EntryValidator.Key(a) == key))
            {
                return current;
            }

            var entry = current.Entry with { Alternates = [.. current.Entry.Alternates, question.Trim()] };
            try
            {
                return await UpdateAsync(entry, current.ETag, editor, cancellationToken);
            }
            catch (FaqConcurrencyException) when (attempt < 4)
            {
                // Someone saved the entry in between: read it again and add the alternate to their version.
            }
        }
    }

    private StoredEntry Changed(StoredEntry entry)
    {
        changed?.Invoke();
        return entry;
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
