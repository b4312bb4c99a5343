using System.Globalization;
using System.Text.Json;
using Azure;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Storage;

namespace Faq.Storage.Tables;

/// <summary>
/// FAQ entries in Azure Table Storage. <c>FaqEntries</c>: PartitionKey = tenant, RowKey = entry id, the
/// current version with its vectors. <c>FaqHistory</c>: PartitionKey = tenant, RowKey = <c>id|version</c>, every
/// version. A change writes the entry first (its ETag check picks exactly one winner), then the history row;
/// reading history adds the current version back if that second write was lost.
/// </summary>
internal sealed class TableFaqStore(TablesClient client, string tenant, TimeProvider time) : IFaqStore, IDisposable
{
    public const string EntriesTable = "FaqEntries";
    public const string HistoryTable = "FaqHistory";
    private const string SeedMarker = "!seeded";
    private const int VectorChunkBytes = 60 * 1024;
    private readonly TableBootstrap _tables = new(client, EntriesTable, HistoryTable);

    public string Tenant { get; } = tenant;

    public void Dispose() => _tables.Dispose();

    private Task EnsureTablesAsync(CancellationToken cancellationToken) => _tables.EnsureAsync(cancellationToken);

    public async Task<IReadOnlyList<StoredEntry>> ListAsync(bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        await EnsureTablesAsync(cancellationToken);
        var entries = new List<StoredEntry>();
        await foreach (var entity in Tolerate(client.QueryAsync(EntriesTable, "PartitionKey eq " + TableKeys.Literal(Tenant), cancellationToken: cancellationToken)))
        {
            if (entity.RowKey == SeedMarker)
            {
                continue;
            }

            var stored = FromEntity(entity);
            if (includeDeleted || !stored.Deleted)
            {
                entries.Add(stored);
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Entry.Id, b.Entry.Id));
        return entries;
    }

    public async Task<StoredEntry?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        StoreIds.Validate(id);
        await EnsureTablesAsync(cancellationToken);
        var entity = await client.GetAsync(EntriesTable, Tenant, id, cancellationToken: cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    // A table that disappeared (deleted by hand, an emulator reset) is created again on the next call.
    private async IAsyncEnumerable<TableEntity> Tolerate(IAsyncEnumerable<TableEntity> query)
    {
        await using var enumerator = query.GetAsyncEnumerator();
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                _tables.Reset();
                throw;
            }

            yield return enumerator.Current;
        }
    }

    public async Task<StoredEntry> CreateAsync(FaqEntry entry, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default)
    {
        StoreIds.Validate(entry.Id);
        await EnsureTablesAsync(cancellationToken);
        var stored = new StoredEntry(entry, 1, string.Empty, time.GetUtcNow(), StoreIds.Editor(editor), false, vectors);
        try
        {
            stored = stored with { ETag = await client.InsertAsync(EntriesTable, ToEntity(stored), cancellationToken) };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await GetAsync(entry.Id, cancellationToken) ?? throw new FaqStoreUnavailableException("The entry was created and removed concurrently.", ex);
            if (LandedEarlier(existing, stored))
            {
                return existing;
            }

            throw new FaqEntryExistsException(existing);
        }

        await RecordAsync(stored, EntryChange.Created, cancellationToken);
        return stored;
    }

    public Task<StoredEntry> UpdateAsync(FaqEntry entry, string ifMatch, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return ChangeAsync(entry.Id, ifMatch, EntryChange.Updated, current => current with { Entry = entry, Vectors = vectors }, editor, cancellationToken);
    }

    public Task<StoredEntry> DeleteAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, ifMatch, EntryChange.Deleted, current => current with { Deleted = true }, editor, cancellationToken);

    public Task<StoredEntry> RestoreAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, ifMatch, EntryChange.Restored, current => current with { Deleted = false }, editor, cancellationToken);

    public async Task<StoredEntry> RevertAsync(string id, long version, string? ifMatch, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default)
    {
        var target = (await HistoryAsync(id, cancellationToken)).FirstOrDefault(v => v.Version == version)
            ?? throw new FaqVersionNotFoundException(id, version);
        return await ChangeAsync(id, ifMatch, EntryChange.Reverted, current => current with { Entry = target.Entry, Deleted = false, Vectors = vectors }, editor, cancellationToken);
    }

    private async Task<StoredEntry> ChangeAsync(
        string id, string? ifMatch, string change, Func<StoredEntry, StoredEntry> apply, string editor, CancellationToken cancellationToken)
    {
        StoreIds.Validate(id);
        await EnsureTablesAsync(cancellationToken);
        var current = await GetAsync(id, cancellationToken) ?? throw new FaqEntryNotFoundException(id);
        if (ifMatch is not null && ifMatch != current.ETag)
        {
            throw new FaqConcurrencyException(current);
        }

        var next = apply(current) with { Version = current.Version + 1, UpdatedAt = time.GetUtcNow(), UpdatedBy = StoreIds.Editor(editor) };
        try
        {
            next = next with { ETag = await client.UpdateAsync(EntriesTable, ToEntity(next), current.ETag, TableUpdateMode.Replace, cancellationToken) };
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            var now = await GetAsync(id, cancellationToken) ?? throw new FaqEntryNotFoundException(id);
            if (LandedEarlier(now, next))
            {
                return now; // an earlier attempt of this very change succeeded before its response was lost
            }

            throw new FaqConcurrencyException(now);
        }

        await RecordAsync(next, change, cancellationToken);
        return next;
    }

    public async Task<IReadOnlyList<EntryVersion>> HistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        StoreIds.Validate(id);
        await EnsureTablesAsync(cancellationToken);
        var filter = $"PartitionKey eq {TableKeys.Literal(Tenant)} and RowKey ge {TableKeys.Literal(id + "|")} and RowKey lt {TableKeys.Literal(id + "}")}";
        var versions = new List<EntryVersion>();
        await foreach (var entity in client.QueryAsync(HistoryTable, filter, cancellationToken: cancellationToken))
        {
            versions.Add(new EntryVersion(
                entity.GetInt64("Version") ?? 0,
                ReadEntry(entity, id),
                entity.GetBoolean("Deleted") ?? false,
                entity.GetDateTime("UpdatedAt") ?? DateTimeOffset.MinValue,
                entity.GetString("UpdatedBy") ?? "unknown",
                entity.GetString("Change") ?? EntryChange.Updated));
        }

        var current = await GetAsync(id, cancellationToken);
        if (current is not null && versions.TrueForAll(v => v.Version != current.Version))
        {
            versions.Add(StoreIds.ToVersion(current, current.Version == 1 ? EntryChange.Created : EntryChange.Updated));
        }

        versions.Sort((a, b) => a.Version.CompareTo(b.Version));
        return versions;
    }

    public async Task<bool> SetVectorsAsync(string id, string ifMatch, EntryVectors vectors, CancellationToken cancellationToken = default)
    {
        StoreIds.Validate(id);
        await EnsureTablesAsync(cancellationToken);
        var entity = new TableEntity(Tenant, id);
        WriteVectors(entity, vectors);
        try
        {
            await client.UpdateAsync(EntriesTable, entity, ifMatch, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> SeedAsync(IReadOnlyList<FaqEntry> entries, string editor, CancellationToken cancellationToken = default)
    {
        await EnsureTablesAsync(cancellationToken);
        if (await client.GetAsync(EntriesTable, Tenant, SeedMarker, cancellationToken: cancellationToken) is not null)
        {
            return false;
        }

        // Insert-only writes: instances seeding at the same time skip what the other already wrote.
        foreach (var entry in entries)
        {
            StoreIds.Validate(entry.Id);
            var stored = new StoredEntry(entry, 1, string.Empty, time.GetUtcNow(), StoreIds.Editor(editor), false, null);
            try
            {
                stored = stored with { ETag = await client.InsertAsync(EntriesTable, ToEntity(stored), cancellationToken) };
                await RecordAsync(stored, EntryChange.Seeded, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
            }
        }

        try
        {
            var marker = new TableEntity(Tenant, SeedMarker) { ["SeededAt"] = time.GetUtcNow(), ["Entries"] = (long)entries.Count };
            await client.InsertAsync(EntriesTable, marker, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private async Task RecordAsync(StoredEntry stored, string change, CancellationToken cancellationToken)
    {
        var row = new TableEntity(Tenant, HistoryKey(stored.Entry.Id, stored.Version))
        {
            ["Version"] = stored.Version,
            ["Deleted"] = stored.Deleted,
            ["UpdatedAt"] = stored.UpdatedAt,
            ["UpdatedBy"] = stored.UpdatedBy,
            ["Change"] = change,
        };
        WriteEntry(row, stored.Entry);
        try
        {
            await client.InsertAsync(HistoryTable, row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already recorded by an earlier attempt.
        }
    }

    private static bool LandedEarlier(StoredEntry now, StoredEntry attempted) =>
        now.Version == attempted.Version && now.UpdatedBy == attempted.UpdatedBy && now.Deleted == attempted.Deleted
        && now.Entry.HasSameContent(attempted.Entry);

    internal static string HistoryKey(string id, long version) => id + "|" + version.ToString("D19", CultureInfo.InvariantCulture);

    private TableEntity ToEntity(StoredEntry stored)
    {
        var entity = new TableEntity(Tenant, stored.Entry.Id)
        {
            ["Version"] = stored.Version,
            ["UpdatedAt"] = stored.UpdatedAt,
            ["UpdatedBy"] = stored.UpdatedBy,
            ["Deleted"] = stored.Deleted,
        };
        WriteEntry(entity, stored.Entry);
        if (stored.Vectors is not null)
        {
            WriteVectors(entity, stored.Vectors);
        }

        return entity;
    }

    private static void WriteEntry(TableEntity entity, FaqEntry entry)
    {
        entity["Question"] = entry.Question;
        entity["Answer"] = entry.Answer;
        entity["Alternates"] = JsonSerializer.Serialize(entry.Alternates, StorageJsonContext.Default.IReadOnlyListString);
        entity["Tags"] = JsonSerializer.Serialize(entry.Tags, StorageJsonContext.Default.IReadOnlyListString);
        entity["Related"] = JsonSerializer.Serialize(entry.Related, StorageJsonContext.Default.IReadOnlyListString);
    }

    // A property holds at most 64 KiB, so vectors are split over VectorChunk0, VectorChunk1, …
    private static void WriteVectors(TableEntity entity, EntryVectors vectors)
    {
        var bytes = vectors.ToBytes();
        var chunks = (bytes.Length + VectorChunkBytes - 1) / VectorChunkBytes;
        entity["VectorModel"] = vectors.ModelId;
        entity["VectorDimensions"] = (long)vectors.Dimensions;
        entity["VectorChunks"] = (long)chunks;
        for (var i = 0; i < chunks; i++)
        {
            var start = i * VectorChunkBytes;
            entity["VectorChunk" + i.ToString(CultureInfo.InvariantCulture)] = bytes[start..Math.Min(bytes.Length, start + VectorChunkBytes)];
        }
    }

    private static StoredEntry FromEntity(TableEntity entity) => new(
        ReadEntry(entity, entity.RowKey),
        entity.GetInt64("Version") ?? 1,
        entity.ETag ?? string.Empty,
        entity.GetDateTime("UpdatedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
        entity.GetString("UpdatedBy") ?? "unknown",
        entity.GetBoolean("Deleted") ?? false,
        ReadVectors(entity));

    private static FaqEntry ReadEntry(TableEntity entity, string id) => new(
        id,
        entity.GetString("Question") ?? string.Empty,
        ReadList(entity, "Alternates"),
        entity.GetString("Answer") ?? string.Empty,
        ReadList(entity, "Tags"),
        ReadList(entity, "Related"));

    private static IReadOnlyList<string> ReadList(TableEntity entity, string name) =>
        entity.GetString(name) is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, StorageJsonContext.Default.IReadOnlyListString) ?? []
            : [];

    private static EntryVectors? ReadVectors(TableEntity entity)
    {
        if (entity.GetString("VectorModel") is not { } model || entity.GetInt64("VectorDimensions") is not { } dimensions
            || entity.GetInt64("VectorChunks") is not { } chunks)
        {
            return null;
        }

        using var bytes = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            if (entity.GetBinary("VectorChunk" + i.ToString(CultureInfo.InvariantCulture)) is not { } chunk)
            {
                return null;
            }

            bytes.Write(chunk);
        }

        return EntryVectors.FromBytes(model, (int)dimensions, bytes.ToArray());
    }
}
