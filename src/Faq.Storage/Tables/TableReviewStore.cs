using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Faq.Core.Review;

namespace Faq.Storage.Tables;

/// <summary>
/// Unanswered questions and feedback in Azure Table Storage. <c>FaqUnanswered</c>: PartitionKey = tenant,
/// RowKey = the question's id, which starts with an inverted timestamp so the newest come first. <c>FaqFeedback</c>:
/// one insert-only row per vote (no read-modify-write under load); counts are summed when staff look.
/// </summary>
internal sealed class TableReviewStore(TableServiceClient service, string tenant) : IReviewStore, IDisposable
{
    public const string UnansweredTable = "FaqUnanswered";
    public const string FeedbackTable = "FaqFeedback";
    private readonly TableClient _unanswered = service.GetTableClient(UnansweredTable);
    private readonly TableClient _feedback = service.GetTableClient(FeedbackTable);
    private readonly TableBootstrap _tables = new(service, UnansweredTable, FeedbackTable);

    public void Dispose() => _tables.Dispose();

    public async Task RecordUnansweredAsync(IReadOnlyList<UnansweredQuestion> questions, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        foreach (var question in questions)
        {
            var row = new UnansweredRow
            {
                PartitionKey = tenant,
                RowKey = question.Id,
                Question = question.Question,
                At = question.At,
                Outcome = question.Outcome,
                Confidence = question.Confidence,
                Candidates = JsonSerializer.Serialize(question.Candidates, StorageJsonContext.Default.IReadOnlyListString),
            };
            await _unanswered.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<UnansweredQuestion>> ListUnansweredAsync(CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        var list = new List<UnansweredQuestion>();
        await foreach (var row in _unanswered.QueryAsync<UnansweredRow>(ThisTenant(), cancellationToken: cancellationToken))
        {
            list.Add(row.ToQuestion());
        }

        list.Sort((a, b) => b.At.CompareTo(a.At));
        return list;
    }

    public async Task<UnansweredQuestion?> GetUnansweredAsync(string id, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        var row = await _unanswered.GetEntityIfExistsAsync<UnansweredRow>(tenant, id, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToQuestion() : null;
    }

    public async Task<bool> RemoveUnansweredAsync(string id, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        return await DeleteAsync(id, cancellationToken);
    }

    public async Task<int> PurgeUnansweredAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and At lt {before}");
        var old = new List<string>();
        await foreach (var row in _unanswered.QueryAsync<UnansweredRow>(filter, select: [nameof(UnansweredRow.RowKey)], cancellationToken: cancellationToken))
        {
            old.Add(row.RowKey);
        }

        var removed = 0;
        foreach (var id in old)
        {
            if (await DeleteAsync(id, cancellationToken))
            {
                removed++;
            }
        }

        return removed;
    }

    // The service answers 404 for a row that is not there; the SDK reports that as a response, not an exception.
    private async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await _unanswered.DeleteEntityAsync(tenant, id, ETag.All, cancellationToken)).Status != 404;

    public async Task RecordFeedbackAsync(string faqId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        await _feedback.AddEntityAsync(new FeedbackRow { PartitionKey = tenant, RowKey = ReviewIds.New(at), FaqId = faqId, Helpful = helpful, At = at }, cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackCount>> FeedbackCountsAsync(CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        var counts = new Dictionary<string, (long Helpful, long Unhelpful)>(StringComparer.Ordinal);
        await foreach (var row in _feedback.QueryAsync<FeedbackRow>(ThisTenant(), select: [nameof(FeedbackRow.FaqId), nameof(FeedbackRow.Helpful)], cancellationToken: cancellationToken))
        {
            if (row.FaqId is not { } id)
            {
                continue;
            }

            var (helpful, unhelpful) = counts.GetValueOrDefault(id);
            counts[id] = row.Helpful ? (helpful + 1, unhelpful) : (helpful, unhelpful + 1);
        }

        return [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new FeedbackCount(c.Key, c.Value.Helpful, c.Value.Unhelpful))];
    }

    private string ThisTenant() => TableClient.CreateQueryFilter($"PartitionKey eq {tenant}");
}

/// <summary>A question kept for review (<c>FaqUnanswered</c>).</summary>
internal sealed class UnansweredRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Question { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Outcome { get; set; }

    public double Confidence { get; set; }

    /// <summary>The closest entries' ids as a JSON list.</summary>
    public string? Candidates { get; set; }

    public UnansweredQuestion ToQuestion() => new(
        RowKey,
        Question ?? string.Empty,
        At,
        Outcome ?? "fallback",
        Confidence,
        Candidates is { Length: > 0 } json ? JsonSerializer.Deserialize(json, StorageJsonContext.Default.IReadOnlyListString) ?? [] : []);
}

/// <summary>One patient's vote (<c>FaqFeedback</c>).</summary>
internal sealed class FeedbackRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? FaqId { get; set; }

    public bool Helpful { get; set; }

    public DateTimeOffset At { get; set; }
}
