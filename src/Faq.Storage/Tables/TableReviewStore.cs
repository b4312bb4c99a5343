using System.Globalization;
using System.Text.Json;
using Azure;
using Faq.Core.Review;

namespace Faq.Storage.Tables;

/// <summary>
/// Unanswered questions and feedback in Azure Table Storage. <c>FaqUnanswered</c>: PartitionKey = tenant,
/// RowKey = the question's id, which starts with an inverted timestamp so the newest come first. <c>FaqFeedback</c>:
/// one insert-only row per vote (no read-modify-write under load); counts are summed when staff look.
/// </summary>
internal sealed class TableReviewStore(TablesClient client, string tenant) : IReviewStore, IDisposable
{
    public const string UnansweredTable = "FaqUnanswered";
    public const string FeedbackTable = "FaqFeedback";
    private readonly TableBootstrap _tables = new(client, UnansweredTable, FeedbackTable);

    public void Dispose() => _tables.Dispose();

    public async Task RecordUnansweredAsync(IReadOnlyList<UnansweredQuestion> questions, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        foreach (var question in questions)
        {
            await RecordAsync(question, cancellationToken);
        }
    }

    private async Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(tenant, question.Id)
        {
            ["Question"] = question.Question,
            ["At"] = question.At,
            ["Outcome"] = question.Outcome,
            ["Confidence"] = question.Confidence,
            ["Candidates"] = JsonSerializer.Serialize(question.Candidates, StorageJsonContext.Default.IReadOnlyListString),
        };
        await client.UpsertAsync(UnansweredTable, entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<UnansweredQuestion>> ListUnansweredAsync(CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        var list = new List<UnansweredQuestion>();
        await foreach (var entity in client.QueryAsync(UnansweredTable, "PartitionKey eq " + TableKeys.Literal(tenant), cancellationToken: cancellationToken))
        {
            list.Add(ToQuestion(entity));
        }

        list.Sort((a, b) => b.At.CompareTo(a.At));
        return list;
    }

    public async Task<UnansweredQuestion?> GetUnansweredAsync(string id, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        var entity = await client.GetAsync(UnansweredTable, tenant, id, cancellationToken: cancellationToken);
        return entity is null ? null : ToQuestion(entity);
    }

    public async Task<bool> RemoveUnansweredAsync(string id, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        return await client.DeleteAsync(UnansweredTable, tenant, id, cancellationToken: cancellationToken);
    }

    public async Task<int> PurgeUnansweredAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        var filter = $"PartitionKey eq {TableKeys.Literal(tenant)} and At lt datetime'{before.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)}'";
        var old = await client.QueryAsync(UnansweredTable, filter, select: ["At"], cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var entity in old)
        {
            if (await client.DeleteAsync(UnansweredTable, tenant, entity.RowKey, cancellationToken: cancellationToken))
            {
                removed++;
            }
        }

        return removed;
    }

    public async Task RecordFeedbackAsync(string faqId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        var entity = new TableEntity(tenant, ReviewIds.New(at)) { ["FaqId"] = faqId, ["Helpful"] = helpful, ["At"] = at };
        await client.InsertAsync(FeedbackTable, entity, cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackCount>> FeedbackCountsAsync(CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(cancellationToken);
        var counts = new Dictionary<string, (long Helpful, long Unhelpful)>(StringComparer.Ordinal);
        await foreach (var entity in client.QueryAsync(FeedbackTable, "PartitionKey eq " + TableKeys.Literal(tenant), ["FaqId", "Helpful"], cancellationToken: cancellationToken))
        {
            if (entity.GetString("FaqId") is not { } id)
            {
                continue;
            }

            var (helpful, unhelpful) = counts.GetValueOrDefault(id);
            counts[id] = entity.GetBoolean("Helpful") == true ? (helpful + 1, unhelpful) : (helpful, unhelpful + 1);
        }

        return [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new FeedbackCount(c.Key, c.Value.Helpful, c.Value.Unhelpful))];
    }

    private static UnansweredQuestion ToQuestion(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("Question") ?? string.Empty,
        entity.GetDateTime("At") ?? DateTimeOffset.MinValue,
        entity.GetString("Outcome") ?? "fallback",
        entity["Confidence"] is double d ? d : 0,
        entity.GetString("Candidates") is { Length: > 0 } json ? JsonSerializer.Deserialize(json, StorageJsonContext.Default.IReadOnlyListString) ?? [] : []);
}
