using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Faq.Core.Insights;
using Faq.Storage.Files;

namespace Faq.Storage.Tables;

/// <summary>
/// Usage counters in Azure Table Storage, table <c>FaqUsage</c>: PartitionKey = tenant, RowKey =
/// <c>{yyyy-MM-dd}|{writer}</c>, one row per day per app instance holding that instance's totals (JSON, split over
/// <c>Counts0</c>, <c>Counts1</c>… of at most 30,000 characters each). Only its own instance ever writes a row, by an
/// unconditional replace of the whole totals: no ETag races between instances, a retried write is harmless, and a
/// reader sums the rows of a day. A period is one range query over the RowKey.
/// </summary>
internal sealed class TableUsageStore(TableServiceClient service, string tenant) : IUsageStore, IDisposable
{
    public const string Table = "FaqUsage";
    private const int MaxChunk = 30_000;
    private const string CountsPrefix = "Counts";
    private readonly TableClient _table = service.GetTableClient(Table);
    private readonly TableBootstrap _tables = new(service, Table);

    public void Dispose() => _tables.Dispose();

    public async Task SaveAsync(string writer, DateOnly day, IReadOnlyDictionary<UsageCell, long> totals, CancellationToken cancellationToken = default)
    {
        TableKeys.Validate(writer, nameof(writer));
        ArgumentNullException.ThrowIfNull(totals);
        var json = JsonSerializer.Serialize(
            totals.Where(t => t.Value > 0).ToDictionary(t => t.Key.ToString(), t => t.Value, StringComparer.Ordinal),
            StorageJsonContext.Default.DictionaryStringInt64);
        var row = new TableEntity(tenant, FileUsageStore.Key(day) + "|" + writer)
        {
            ["Day"] = FileUsageStore.Key(day),
            ["Writer"] = writer,
        };
        for (var i = 0; i * MaxChunk < json.Length; i++)
        {
            row[CountsPrefix + i] = json.Substring(i * MaxChunk, Math.Min(MaxChunk, json.Length - (i * MaxChunk)));
        }

        await _tables.EnsureAsync(cancellationToken);
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<UsageDay>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        var days = new SortedDictionary<DateOnly, Dictionary<UsageCell, long>>();
        var start = FileUsageStore.Key(first);
        var after = FileUsageStore.Key(last.AddDays(1));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and RowKey ge {start} and RowKey lt {after}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!DateOnly.TryParseExact(row.RowKey.AsSpan(0, Math.Min(10, row.RowKey.Length)), "yyyy-MM-dd", out var day))
            {
                continue;
            }

            var counts = days.TryGetValue(day, out var known) ? known : days[day] = [];
            foreach (var (key, count) in Parse(row))
            {
                if (UsageCell.TryParse(key, out var cell))
                {
                    counts[cell] = counts.GetValueOrDefault(cell) + count;
                }
            }
        }

        return [.. days.Select(d => new UsageDay(d.Key, d.Value))];
    }

    public async Task<int> PurgeAsync(DateOnly before, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and RowKey lt {FileUsageStore.Key(before)}");
        var old = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            old.Add(row.RowKey);
        }

        var removed = 0;
        foreach (var rowKey in old)
        {
            if ((await _table.DeleteEntityAsync(tenant, rowKey, Azure.ETag.All, cancellationToken)).Status != 404)
            {
                removed++;
            }
        }

        return removed;
    }

    private static Dictionary<string, long> Parse(TableEntity row)
    {
        var json = new StringBuilder();
        for (var i = 0; row.GetString(CountsPrefix + i) is { } chunk; i++)
        {
            json.Append(chunk);
        }

        return json.Length == 0 ? [] : JsonSerializer.Deserialize(json.ToString(), StorageJsonContext.Default.DictionaryStringInt64) ?? [];
    }
}
