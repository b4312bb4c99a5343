using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Storage;
using Faq.Storage.Files;

namespace Faq.Storage.Tables;

/// <summary>
/// FAQ entries in Azure Table Storage, in one table (<c>FaqContent</c>) with one partition per tenant. An entry's
/// current version, with its vectors, is the row <c>entry|{id}</c>; every version is a row
/// <c>history|{id}|{version}</c> next to it. A change replaces the entry row if its ETag still matches and adds the
/// version's history row in one transaction, so of concurrent editors exactly one wins and no version is ever missing
/// from the history. Entities are the SDK's <see cref="TableEntity"/>: the vectors are spread over as many
/// properties as they need.
/// </summary>
internal sealed class TableFaqStore(TableServiceClient service, string tenant, TimeProvider time) : IFaqStore, IDisposable
{
    public const string Table = "FaqContent";
    private const string EntryPrefix = "entry|";
    private const string HistoryPrefix = "history|";
    private const string SeedMarker = "!seeded";
    private const int VectorChunkBytes = 60 * 1024; // a property holds at most 64 KiB
    private readonly TableClient _table = service.GetTableClient(Table);
    private readonly TableBootstrap _tables = new(service, Table);

    public string Tenant { get; } = tenant;

    public void Dispose() => _tables.Dispose();

    public async Task<IReadOnlyList<StoredEntry>> ListAsync(bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        var entries = new List<StoredEntry>();
        await foreach (var entity in QueryAsync(Range(EntryPrefix), cancellationToken))
        {
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
        await _tables.EnsureAsync(cancellationToken);
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(Tenant, EntryKey(id), cancellationToken: cancellationToken);
        return entity.HasValue ? FromEntity(entity.Value!) : null;
    }

    public async Task<StoredEntry> CreateAsync(FaqEntry entry, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default)
    {
        StoreIds.Validate(entry.Id);
        await _tables.EnsureAsync(cancellationToken);
        var stored = new StoredEntry(entry, 1, string.Empty, time.GetUtcNow(), StoreIds.Editor(editor), false, vectors);
        try
        {
            var etag = await SubmitAsync(
                [new(TableTransactionActionType.Add, ToEntity(stored)), new(TableTransactionActionType.Add, ToHistory(stored, EntryChange.Created))],
                cancellationToken);
            return stored with { ETag = etag };
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            var existing = await GetAsync(entry.Id, cancellationToken) ?? throw new FaqStoreUnavailableException("The entry was created and removed concurrently.", ex);
            if (LandedEarlier(existing, stored))
            {
                return existing; // an earlier attempt of this very call succeeded before its response was lost
            }

            throw new FaqEntryExistsException(existing);
        }
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
        var current = await GetAsync(id, cancellationToken) ?? throw new FaqEntryNotFoundException(id);
        if (ifMatch is not null && ifMatch != current.ETag)
        {
            throw new FaqConcurrencyException(current);
        }

        var next = apply(current) with { Version = current.Version + 1, UpdatedAt = time.GetUtcNow(), UpdatedBy = StoreIds.Editor(editor) };
        try
        {
            var etag = await SubmitAsync(
                [
                    new(TableTransactionActionType.UpdateReplace, ToEntity(next), new ETag(current.ETag)),
                    new(TableTransactionActionType.Add, ToHistory(next, change)),
                ],
                cancellationToken);
            return next with { ETag = etag };
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404 or 409)
        {
            var now = await GetAsync(id, cancellationToken) ?? throw new FaqEntryNotFoundException(id);
            if (LandedEarlier(now, next))
            {
                return now; // an earlier attempt of this very change succeeded before its response was lost
            }

            throw new FaqConcurrencyException(now);
        }
    }

    public async Task<IReadOnlyList<EntryVersion>> HistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        StoreIds.Validate(id);
        await _tables.EnsureAsync(cancellationToken);
        var versions = new List<EntryVersion>();
        await foreach (var entity in QueryAsync(Range(HistoryPrefix + id + "|"), cancellationToken))
        {
            versions.Add(new EntryVersion(
                entity.GetInt64("Version") ?? 0,
                ReadEntry(entity, id),
                entity.GetBoolean("Deleted") ?? false,
                entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
                entity.GetString("UpdatedBy") ?? "unknown",
                entity.GetString("Change") ?? EntryChange.Updated));
        }

        versions.Sort((a, b) => a.Version.CompareTo(b.Version));
        return versions;
    }

    public async Task<bool> SetVectorsAsync(string id, string ifMatch, EntryVectors vectors, CancellationToken cancellationToken = default)
    {
        StoreIds.Validate(id);
        await _tables.EnsureAsync(cancellationToken);
        var entity = new TableEntity(Tenant, EntryKey(id));
        WriteVectors(entity, vectors);
        try
        {
            await _table.UpdateEntityAsync(entity, new ETag(ifMatch), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> SeedAsync(IReadOnlyList<FaqEntry> entries, string editor, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        if ((await _table.GetEntityIfExistsAsync<TableEntity>(Tenant, SeedMarker, cancellationToken: cancellationToken)).HasValue)
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
                await SubmitAsync(
                    [new(TableTransactionActionType.Add, ToEntity(stored)), new(TableTransactionActionType.Add, ToHistory(stored, EntryChange.Seeded))],
                    cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
            }
        }

        try
        {
            var marker = new TableEntity(Tenant, SeedMarker) { ["SeededAt"] = time.GetUtcNow(), ["Entries"] = (long)entries.Count };
            await _table.AddEntityAsync(marker, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Runs one transaction; returns the ETag the first action's entity now has.</summary>
    private async Task<string> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            var responses = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return responses.Value[0].Headers.ETag?.ToString() ?? throw new RequestFailedException(responses.GetRawResponse());
        }
        catch (RequestFailedException ex) when (TableBootstrap.IsTableMissing(ex))
        {
            _tables.Reset();
            throw;
        }
    }

    // The SDK pages through continuation tokens; a table that disappeared is created again on the next call.
    private async IAsyncEnumerable<TableEntity> QueryAsync(string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var rows = _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await rows.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (RequestFailedException ex) when (TableBootstrap.IsTableMissing(ex))
            {
                _tables.Reset();
                throw;
            }

            yield return rows.Current;
        }
    }

    /// <summary>This tenant's rows whose keys start with <paramref name="prefix"/> ('}' is the character after '|').</summary>
    private string Range(string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {Tenant} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    private static bool LandedEarlier(StoredEntry now, StoredEntry attempted) =>
        now.Version == attempted.Version && now.UpdatedBy == attempted.UpdatedBy && now.Deleted == attempted.Deleted
        && now.Entry.HasSameContent(attempted.Entry);

    internal static string EntryKey(string id) => EntryPrefix + id;

    internal static string HistoryKey(string id, long version) => HistoryPrefix + id + "|" + version.ToString("D19", CultureInfo.InvariantCulture);

    private TableEntity ToEntity(StoredEntry stored)
    {
        var entity = new TableEntity(Tenant, EntryKey(stored.Entry.Id))
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

    private TableEntity ToHistory(StoredEntry stored, string change)
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
        return row;
    }

    private static void WriteEntry(TableEntity entity, FaqEntry entry)
    {
        entity["Question"] = entry.Question;
        entity["Answer"] = entry.Answer;
        entity["Alternates"] = JsonSerializer.Serialize(entry.Alternates, StorageJsonContext.Default.IReadOnlyListString);
        entity["Tags"] = JsonSerializer.Serialize(entry.Tags, StorageJsonContext.Default.IReadOnlyListString);
        entity["Related"] = JsonSerializer.Serialize(entry.Related, StorageJsonContext.Default.IReadOnlyListString);
        // Every language's text in one property (a replaced row loses the properties it does not set).
        entity["Translations"] = TranslationRecord.From(entry) is { } translations
            ? JsonSerializer.Serialize(translations, StorageJsonContext.Default.DictionaryStringTranslationRecord)
            : string.Empty;
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
        ReadEntry(entity, entity.RowKey[EntryPrefix.Length..]),
        entity.GetInt64("Version") ?? 1,
        entity.ETag.ToString(),
        entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
        entity.GetString("UpdatedBy") ?? "unknown",
        entity.GetBoolean("Deleted") ?? false,
        ReadVectors(entity));

    private static FaqEntry ReadEntry(TableEntity entity, string id) => TranslationRecord.To(
        new(
            id,
            entity.GetString("Question") ?? string.Empty,
            ReadList(entity, "Alternates"),
            entity.GetString("Answer") ?? string.Empty,
            ReadList(entity, "Tags"),
            ReadList(entity, "Related")),
        entity.GetString("Translations") is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, StorageJsonContext.Default.DictionaryStringTranslationRecord)
            : null);

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
