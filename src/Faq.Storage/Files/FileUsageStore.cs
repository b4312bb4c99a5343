using System.Globalization;
using Faq.Core.Insights;

namespace Faq.Storage.Files;

/// <summary>
/// Usage counters in <c>{folder}/{tenant}.usage.json</c>, written atomically under the same cross-process lock as the
/// other files: per day, each writer's totals by cell. A writer replaces only its own totals, so two app instances (or
/// an instance and the one before its restart) never overwrite each other's counts.
/// </summary>
internal sealed class FileUsageStore(string folder, string tenant) : IUsageStore, IDisposable
{
    private readonly AtomicJsonFile<UsageDocument> _file = new(
        Path.Combine(folder, tenant + ".usage.json"), StorageJsonContext.Default.UsageDocument, () => new UsageDocument());

    public void Dispose() => _file.Dispose();

    public Task SaveAsync(string writer, DateOnly day, IReadOnlyDictionary<UsageCell, long> totals, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(writer);
        ArgumentNullException.ThrowIfNull(totals);
        var cells = totals.Where(t => t.Value > 0).ToDictionary(t => t.Key.ToString(), t => t.Value, StringComparer.Ordinal);
        return _file.WriteAsync(d =>
        {
            var key = Key(day);
            var writers = d.Days.TryGetValue(key, out var known) ? new Dictionary<string, Dictionary<string, long>>(known, StringComparer.Ordinal) : new(StringComparer.Ordinal);
            writers[writer] = cells;
            d.Days[key] = writers;
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<UsageDay>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        var document = await _file.ReadAsync(cancellationToken);
        var days = new List<UsageDay>();
        foreach (var (key, writers) in document.Days)
        {
            if (!DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day < first || day > last)
            {
                continue;
            }

            var counts = new Dictionary<UsageCell, long>();
            foreach (var cells in writers.Values)
            {
                foreach (var (cellKey, count) in cells)
                {
                    if (UsageCell.TryParse(cellKey, out var cell))
                    {
                        counts[cell] = counts.GetValueOrDefault(cell) + count;
                    }
                }
            }

            days.Add(new UsageDay(day, counts));
        }

        days.Sort((a, b) => a.Day.CompareTo(b.Day));
        return days;
    }

    public async Task<int> PurgeAsync(DateOnly before, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        var cutoff = Key(before);
        await _file.WriteAsync(d =>
        {
            removed = 0;
            foreach (var key in d.Days.Keys.Where(k => string.CompareOrdinal(k, cutoff) < 0).ToList())
            {
                removed += d.Days[key].Count;
                d.Days.Remove(key);
            }

            return removed > 0;
        }, cancellationToken);
        return removed;
    }

    internal static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Per day (<c>yyyy-MM-dd</c>), per writer, count per cell (<c>kind|faqId|channel</c>).</summary>
internal sealed class UsageDocument : ICopyable<UsageDocument>
{
    public Dictionary<string, Dictionary<string, Dictionary<string, long>>> Days { get; set; } = new(StringComparer.Ordinal);

    // Writers replace a day's writer map with a new one, so the outer dictionary is all a copy needs of its own.
    public UsageDocument Copy() => new() { Days = new(Days, StringComparer.Ordinal) };
}
