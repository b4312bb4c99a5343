using Faq.Core.Content;
using Faq.Core.Embeddings;

namespace Faq.Core.Storage;

/// <summary>
/// Where a clinic's FAQ entries live. Every change makes a new version, kept in the entry's history, so any edit
/// or delete can be undone; updates are optimistic (the caller's ETag must be current) so two editors never
/// overwrite each other. Implementations are thread-safe.
/// </summary>
public interface IFaqStore
{
    /// <summary>All entries, optionally including soft-deleted ones, ordered by id.</summary>
    Task<IReadOnlyList<StoredEntry>> ListAsync(bool includeDeleted = false, CancellationToken cancellationToken = default);

    /// <summary>One entry (deleted or not), or null when it has never existed.</summary>
    Task<StoredEntry?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates an entry at version 1.</summary>
    /// <exception cref="FaqEntryExistsException">An entry with that id exists, deleted or not.</exception>
    Task<StoredEntry> CreateAsync(FaqEntry entry, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default);

    /// <summary>Replaces an entry's content, making a new version.</summary>
    /// <exception cref="FaqEntryNotFoundException">No such entry.</exception>
    /// <exception cref="FaqConcurrencyException"><paramref name="ifMatch"/> is not the current ETag.</exception>
    Task<StoredEntry> UpdateAsync(FaqEntry entry, string ifMatch, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default);

    /// <summary>Soft-deletes an entry, making a new version. A null <paramref name="ifMatch"/> deletes whatever is current.</summary>
    Task<StoredEntry> DeleteAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken = default);

    /// <summary>Restores a soft-deleted entry, making a new version.</summary>
    Task<StoredEntry> RestoreAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes a new version with the content of an earlier one (and not deleted): an undo that is itself undoable.
    /// </summary>
    /// <exception cref="FaqVersionNotFoundException">The entry has no such version.</exception>
    Task<StoredEntry> RevertAsync(string id, long version, string? ifMatch, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default);

    /// <summary>Every version of an entry, oldest first.</summary>
    Task<IReadOnlyList<EntryVersion>> HistoryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces an entry's stored vectors (after an embedding model change) without making a new version.</summary>
    /// <returns>False when the entry changed meanwhile; its next save stores fresh vectors anyway.</returns>
    Task<bool> SetVectorsAsync(string id, string ifMatch, EntryVectors vectors, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fills an empty store with the curated entries, exactly once per store: idempotent, and safe when several
    /// instances start together. Entries are stored without vectors; the first load embeds and saves them.
    /// Returns whether this call did the seeding.
    /// </summary>
    Task<bool> SeedAsync(IReadOnlyList<FaqEntry> entries, string editor, CancellationToken cancellationToken = default);
}

/// <summary>An entry with its version, ETag, audit fields and stored vectors.</summary>
/// <param name="Entry">The content.</param>
/// <param name="Version">1 when created; each change adds one.</param>
/// <param name="ETag">Opaque concurrency token; pass it back to change the entry.</param>
/// <param name="UpdatedAt">When the current version was made.</param>
/// <param name="UpdatedBy">Who made it.</param>
/// <param name="Deleted">Soft-deleted: kept, restorable, not served to patients.</param>
/// <param name="Vectors">The embedding vectors of the question and alternates, if stored.</param>
public sealed record StoredEntry(FaqEntry Entry, long Version, string ETag, DateTimeOffset UpdatedAt, string UpdatedBy, bool Deleted, EntryVectors? Vectors);

/// <summary>One version of an entry, as kept in its history.</summary>
public sealed record EntryVersion(long Version, FaqEntry Entry, bool Deleted, DateTimeOffset UpdatedAt, string UpdatedBy, string Change);

/// <summary>Names the change a version records.</summary>
public static class EntryChange
{
    /// <summary>The first version.</summary>
    public const string Created = "created";

    /// <summary>Content changed.</summary>
    public const string Updated = "updated";

    /// <summary>Soft-deleted.</summary>
    public const string Deleted = "deleted";

    /// <summary>Brought back after a delete.</summary>
    public const string Restored = "restored";

    /// <summary>Seeded from the curated FAQ file.</summary>
    public const string Seeded = "seeded";

    /// <summary>Content brought back from an earlier version.</summary>
    public const string Reverted = "reverted";
}

/// <summary>The entry does not exist.</summary>
public sealed class FaqEntryNotFoundException(string id) : Exception($"There is no FAQ entry '{id}'.")
{
    /// <summary>The id asked for.</summary>
    public string Id { get; } = id;
}

/// <summary>The entry has no such version.</summary>
public sealed class FaqVersionNotFoundException(string id, long version) : Exception($"The FAQ entry '{id}' has no version {version}.")
{
    /// <summary>The entry id.</summary>
    public string Id { get; } = id;

    /// <summary>The version asked for.</summary>
    public long Version { get; } = version;
}

/// <summary>An entry with that id already exists (it may be soft-deleted: restore it instead).</summary>
public sealed class FaqEntryExistsException(StoredEntry existing)
    : Exception(existing.Deleted
        ? $"The FAQ entry '{existing.Entry.Id}' exists but is deleted; restore it instead."
        : $"The FAQ entry '{existing.Entry.Id}' already exists.")
{
    /// <summary>The entry that is there.</summary>
    public StoredEntry Existing { get; } = existing;
}

/// <summary>The entry changed since the caller read it.</summary>
public sealed class FaqConcurrencyException(StoredEntry current)
    : Exception($"The FAQ entry '{current.Entry.Id}' has changed (now version {current.Version}); reload it and apply your change again.")
{
    /// <summary>The entry as it is now.</summary>
    public StoredEntry Current { get; } = current;
}

/// <summary>The store could not be reached or failed; the operation may be retried later.</summary>
public sealed class FaqStoreUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
