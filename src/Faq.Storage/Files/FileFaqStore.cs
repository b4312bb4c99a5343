using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Storage;

namespace Faq.Storage.Files;

/// <summary>
/// FAQ entries in one JSON file per tenant (<c>{folder}/{tenant}.json</c>) holding current entries and their full
/// history, written atomically through <see cref="AtomicJsonFile{T}"/>. Other processes may write the same file (the
/// <c>faq import</c> command, a second app instance): every read sees their changes, and every write is applied to
/// the file as it is at that moment, so nothing they saved is ever overwritten; an edit based on an entry they changed
/// fails with <see cref="FaqConcurrencyException"/>, like any stale ETag.
/// </summary>
internal sealed class FileFaqStore(string folder, string tenant, TimeProvider time) : IFaqStore, IDisposable
{
    private readonly AtomicJsonFile<FileStoreDocument> _file = new(
        Path.Combine(folder, tenant + ".json"), StorageJsonContext.Default.FileStoreDocument, () => new FileStoreDocument());

    public string FilePath => _file.Path;

    public void Dispose() => _file.Dispose();

    public async Task<IReadOnlyList<StoredEntry>> ListAsync(bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        var document = await LoadAsync(cancellationToken);
        return [.. document.Entries.Where(e => includeDeleted || !e.Deleted).OrderBy(e => e.Id, StringComparer.Ordinal).Select(ToStored)];
    }

    public async Task<StoredEntry?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        StoreIds.Validate(id);
        var document = await LoadAsync(cancellationToken);
        var record = document.Entries.Find(e => e.Id == id);
        return record is null ? null : ToStored(record);
    }

    public Task<StoredEntry> CreateAsync(FaqEntry entry, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default)
    {
        StoreIds.Validate(entry.Id);
        return WriteAsync(document =>
        {
            var existing = document.Entries.Find(e => e.Id == entry.Id);
            if (existing is not null)
            {
                throw new FaqEntryExistsException(ToStored(existing));
            }

            var record = EntryRecord.From(entry, 1, time.GetUtcNow(), StoreIds.Editor(editor), false, vectors);
            document.Entries.Add(record);
            document.History.Add(HistoryRecord.From(record, EntryChange.Created));
            return ToStored(record);
        }, cancellationToken);
    }

    public Task<StoredEntry> UpdateAsync(FaqEntry entry, string ifMatch, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return ChangeAsync(entry.Id, ifMatch, editor, EntryChange.Updated, r => EntryRecord.From(entry, r.Version, r.UpdatedAt, r.UpdatedBy, r.Deleted, vectors), cancellationToken);
    }

    public Task<StoredEntry> DeleteAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, ifMatch, editor, EntryChange.Deleted, r => r with { Deleted = true }, cancellationToken);

    public Task<StoredEntry> RestoreAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, ifMatch, editor, EntryChange.Restored, r => r with { Deleted = false }, cancellationToken);

    public async Task<StoredEntry> RevertAsync(string id, long version, string? ifMatch, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default)
    {
        var target = (await HistoryAsync(id, cancellationToken)).FirstOrDefault(v => v.Version == version)
            ?? throw new FaqVersionNotFoundException(id, version);
        return await ChangeAsync(id, ifMatch, editor, EntryChange.Reverted, r => EntryRecord.From(target.Entry, r.Version, r.UpdatedAt, r.UpdatedBy, false, vectors), cancellationToken);
    }

    private Task<StoredEntry> ChangeAsync(
        string id, string? ifMatch, string editor, string change, Func<EntryRecord, EntryRecord> apply, CancellationToken cancellationToken)
    {
        StoreIds.Validate(id);
        return WriteAsync(document =>
        {
            var index = document.Entries.FindIndex(e => e.Id == id);
            if (index < 0)
            {
                throw new FaqEntryNotFoundException(id);
            }

            var current = document.Entries[index];
            if (ifMatch is not null && ifMatch != ETagOf(current))
            {
                throw new FaqConcurrencyException(ToStored(current));
            }

            var next = apply(current) with { Version = current.Version + 1, UpdatedAt = time.GetUtcNow(), UpdatedBy = StoreIds.Editor(editor) };
            document.Entries[index] = next;
            document.History.Add(HistoryRecord.From(next, change));
            return ToStored(next);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<EntryVersion>> HistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        StoreIds.Validate(id);
        var document = await LoadAsync(cancellationToken);
        return [.. document.History.Where(h => h.Id == id).OrderBy(h => h.Version).Select(h => h.ToVersion())];
    }

    public async Task<bool> SetVectorsAsync(string id, string ifMatch, EntryVectors vectors, CancellationToken cancellationToken = default)
    {
        StoreIds.Validate(id);
        return await WriteAsync(document =>
        {
            var index = document.Entries.FindIndex(e => e.Id == id);
            if (index < 0 || ETagOf(document.Entries[index]) != ifMatch)
            {
                return false;
            }

            document.Entries[index] = document.Entries[index] with { Vectors = VectorsRecord.From(vectors) };
            return true;
        }, cancellationToken);
    }

    public Task<bool> SeedAsync(IReadOnlyList<FaqEntry> entries, string editor, CancellationToken cancellationToken = default)
    {
        foreach (var entry in entries)
        {
            StoreIds.Validate(entry.Id);
        }

        return WriteAsync(document =>
        {
            if (document.Seeded)
            {
                return false;
            }

            foreach (var entry in entries.Where(e => document.Entries.TrueForAll(x => x.Id != e.Id)))
            {
                var record = EntryRecord.From(entry, 1, time.GetUtcNow(), StoreIds.Editor(editor), false, null);
                document.Entries.Add(record);
                document.History.Add(HistoryRecord.From(record, EntryChange.Seeded));
            }

            document.Seeded = true;
            return true;
        }, cancellationToken);
    }

    private Task<FileStoreDocument> LoadAsync(CancellationToken cancellationToken) => _file.ReadAsync(cancellationToken);

    private Task<T> WriteAsync<T>(Func<FileStoreDocument, T> mutate, CancellationToken cancellationToken) => _file.WriteAsync(mutate, cancellationToken);

    private static string ETagOf(EntryRecord record) => $"W/\"{record.Version}\"";

    private static StoredEntry ToStored(EntryRecord r) =>
        new(r.ToEntry(), r.Version, ETagOf(r), r.UpdatedAt, r.UpdatedBy, r.Deleted, r.Vectors?.ToVectors());
}

/// <summary>The file store's on-disk document.</summary>
internal sealed class FileStoreDocument : ICopyable<FileStoreDocument>
{
    public bool Seeded { get; set; }

    public List<EntryRecord> Entries { get; set; } = [];

    public List<HistoryRecord> History { get; set; } = [];

    public FileStoreDocument Copy() => new() { Seeded = Seeded, Entries = [.. Entries], History = [.. History] };
}

internal sealed record EntryRecord(
    string Id,
    string Question,
    List<string> Alternates,
    string Answer,
    List<string> Tags,
    List<string> Related,
    long Version,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    bool Deleted,
    VectorsRecord? Vectors,
    Dictionary<string, TranslationRecord>? Translations = null)
{
    public static EntryRecord From(FaqEntry e, long version, DateTimeOffset at, string by, bool deleted, EntryVectors? vectors) =>
        new(e.Id, e.Question, [.. e.Alternates], e.Answer, [.. e.Tags], [.. e.Related], version, at, by, deleted, vectors is null ? null : VectorsRecord.From(vectors), TranslationRecord.From(e));

    public FaqEntry ToEntry() => TranslationRecord.To(new(Id, Question, Alternates, Answer, Tags, Related), Translations);
}

/// <summary>An entry's text in one language other than English, as the file store keeps it.</summary>
internal sealed record TranslationRecord(string Question, List<string> Alternates, string Answer)
{
    public static Dictionary<string, TranslationRecord>? From(FaqEntry e) =>
        e.Translations.Count == 0 ? null : e.Translations.ToDictionary(t => t.Key, t => new TranslationRecord(t.Value.Question, [.. t.Value.Alternates], t.Value.Answer), StringComparer.Ordinal);

    public static FaqEntry To(FaqEntry entry, Dictionary<string, TranslationRecord>? translations)
    {
        foreach (var (language, t) in translations ?? [])
        {
            entry = entry.WithTranslation(language, new FaqContent(t.Question, t.Alternates, t.Answer));
        }

        return entry;
    }
}

internal sealed record HistoryRecord(
    string Id,
    long Version,
    string Question,
    List<string> Alternates,
    string Answer,
    List<string> Tags,
    List<string> Related,
    bool Deleted,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    string Change,
    Dictionary<string, TranslationRecord>? Translations = null)
{
    public static HistoryRecord From(EntryRecord r, string change) =>
        new(r.Id, r.Version, r.Question, r.Alternates, r.Answer, r.Tags, r.Related, r.Deleted, r.UpdatedAt, r.UpdatedBy, change, r.Translations);

    public EntryVersion ToVersion() => new(Version, TranslationRecord.To(new FaqEntry(Id, Question, Alternates, Answer, Tags, Related), Translations), Deleted, UpdatedAt, UpdatedBy, Change);
}

internal sealed record VectorsRecord(string ModelId, int Dimensions, byte[] Data)
{
    public static VectorsRecord From(EntryVectors v) => new(v.ModelId, v.Dimensions, v.ToBytes());

    public EntryVectors ToVectors() => EntryVectors.FromBytes(ModelId, Dimensions, Data);
}
