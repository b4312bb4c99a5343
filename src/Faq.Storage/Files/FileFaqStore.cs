using System.Text.Json;
using Faq.Core.Content;
using Faq.Core.Storage;

namespace Faq.Storage.Files;

/// <summary>
/// FAQ entries in one JSON file per tenant (<c>{folder}/{tenant}.json</c>) holding current entries and their full
/// history. Writes are serialised in-process and atomic on disk (write a temp file, then rename over the old one),
/// so a crash leaves either the old document or the new one, never half of each. Readers see an immutable
/// in-memory copy and never wait for a writer.
/// </summary>
internal sealed class FileFaqStore(string folder, string tenant, TimeProvider time) : IFaqStore, IDisposable
{
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly string _path = Path.Combine(folder, tenant + ".json");
    private volatile FileStoreDocument? _document;

    public string FilePath => _path;

    public void Dispose() => _write.Dispose();

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

    public Task<bool> SeedAsync(IReadOnlyList<FaqEntry> entries, string editor, Func<FaqEntry, EntryVectors?> vectors, CancellationToken cancellationToken = default)
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
                var record = EntryRecord.From(entry, 1, time.GetUtcNow(), StoreIds.Editor(editor), false, vectors(entry));
                document.Entries.Add(record);
                document.History.Add(HistoryRecord.From(record, EntryChange.Seeded));
            }

            document.Seeded = true;
            return true;
        }, cancellationToken);
    }

    private async Task<FileStoreDocument> LoadAsync(CancellationToken cancellationToken)
    {
        if (_document is { } loaded)
        {
            return loaded;
        }

        await _write.WaitAsync(cancellationToken);
        try
        {
            return _document ??= await ReadFileAsync(cancellationToken);
        }
        finally
        {
            _write.Release();
        }
    }

    private async Task<FileStoreDocument> ReadFileAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return new FileStoreDocument();
        }

        try
        {
            await using var stream = File.OpenRead(_path);
            return await JsonSerializer.DeserializeAsync(stream, StorageJsonContext.Default.FileStoreDocument, cancellationToken)
                ?? new FileStoreDocument();
        }
        catch (JsonException ex)
        {
            throw new FaqStoreUnavailableException($"The FAQ store file '{_path}' is not valid JSON: {ex.Message}", ex);
        }
    }

    // Mutations run on a private copy; the copy replaces the file and then the in-memory document only after the
    // rename succeeded, so a failed write changes nothing.
    private async Task<T> WriteAsync<T>(Func<FileStoreDocument, T> mutate, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            var current = _document ??= await ReadFileAsync(cancellationToken);
            var copy = current.Copy();
            var result = mutate(copy);
            if (result is false)
            {
                return result;
            }

            Directory.CreateDirectory(folder);
            var temp = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                {
                    await JsonSerializer.SerializeAsync(stream, copy, StorageJsonContext.Default.FileStoreDocument, cancellationToken);
                }

                File.Move(temp, _path, overwrite: true);
            }
            catch
            {
                File.Delete(temp);
                throw;
            }

            _document = copy;
            return result;
        }
        finally
        {
            _write.Release();
        }
    }

    private static string ETagOf(EntryRecord record) => $"W/\"{record.Version}\"";

    private static StoredEntry ToStored(EntryRecord r) =>
        new(r.ToEntry(), r.Version, ETagOf(r), r.UpdatedAt, r.UpdatedBy, r.Deleted, r.Vectors?.ToVectors());
}

/// <summary>The file store's on-disk document.</summary>
internal sealed class FileStoreDocument
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
    VectorsRecord? Vectors)
{
    public static EntryRecord From(FaqEntry e, long version, DateTimeOffset at, string by, bool deleted, EntryVectors? vectors) =>
        new(e.Id, e.Question, [.. e.Alternates], e.Answer, [.. e.Tags], [.. e.Related], version, at, by, deleted, vectors is null ? null : VectorsRecord.From(vectors));

    public FaqEntry ToEntry() => new(Id, Question, Alternates, Answer, Tags, Related);
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
    string Change)
{
    public static HistoryRecord From(EntryRecord r, string change) =>
        new(r.Id, r.Version, r.Question, r.Alternates, r.Answer, r.Tags, r.Related, r.Deleted, r.UpdatedAt, r.UpdatedBy, change);

    public EntryVersion ToVersion() => new(Version, new FaqEntry(Id, Question, Alternates, Answer, Tags, Related), Deleted, UpdatedAt, UpdatedBy, Change);
}

internal sealed record VectorsRecord(string ModelId, int Dimensions, byte[] Data)
{
    public static VectorsRecord From(EntryVectors v) => new(v.ModelId, v.Dimensions, v.ToBytes());

    public EntryVectors ToVectors() => EntryVectors.FromBytes(ModelId, Dimensions, Data);
}
