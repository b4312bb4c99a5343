using Azure;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Insights;
using Faq.Core.Resilience;
using Faq.Core.Review;
using Faq.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;

namespace Faq.Storage;

/// <summary>Resilience settings for store calls (<c>Faq:StoreResilience</c>); the defaults suit a store a few milliseconds away.</summary>
public sealed class StoreResilienceOptions : ResilienceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Faq:StoreResilience";
}

/// <summary>
/// The pipeline every store call runs through (built by <see cref="ResiliencePipelines"/>): retries on 408, 429, 5xx
/// and network errors, a circuit breaker so a dead store fails fast, and a per-attempt timeout. Domain outcomes (not
/// found, conflict) pass straight through; anything that still fails surfaces as
/// <see cref="FaqStoreUnavailableException"/>.
/// </summary>
public sealed class StoreResilience
{
    private static readonly FailureRules Rules = FailureRules.ForHttp<RequestFailedException>(
        failed => failed.Status, (failed, name) => failed.GetRawResponse() is { } response && response.Headers.TryGetValue(name, out var value) ? value : null);
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Builds the pipeline.</summary>
    /// <param name="options">Timeouts, retries and breaker settings.</param>
    /// <param name="logger">Receives retries and breaker changes.</param>
    /// <param name="time">The clock for delays and Retry-After dates.</param>
    public StoreResilience(StoreResilienceOptions options, ILogger<StoreResilience>? logger = null, TimeProvider? time = null) =>
        _pipeline = ResiliencePipelines.Build("FAQ store", options, Rules, logger ?? NullLogger<StoreResilience>.Instance, time ?? TimeProvider.System);

    /// <summary>Whether a failure is worth retrying: the store may answer next time.</summary>
    public static bool IsTransient(Exception exception) => Rules.IsTransient(exception);

    /// <summary>Runs one store call through the pipeline.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token => await call(token), cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw new FaqStoreUnavailableException("The FAQ store is failing; calls are paused for a short while.", ex);
        }
        catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new FaqStoreUnavailableException($"The FAQ store is unreachable: {ex.Message}", ex);
        }
    }
}

/// <summary>An entry store whose every call runs through <see cref="StoreResilience"/>.</summary>
public sealed class ResilientFaqStore(IFaqStore inner, StoreResilience resilience) : IFaqStore
{
    private readonly IFaqStore _inner = inner;

    /// <summary>Wraps a store with its own pipeline.</summary>
    public ResilientFaqStore(IFaqStore inner, StoreResilienceOptions options, ILogger<StoreResilience>? logger = null, TimeProvider? time = null)
        : this(inner, new StoreResilience(options, logger, time))
    {
    }

    private Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) => resilience.RunAsync(call, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEntry>> ListAsync(bool includeDeleted = false, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _inner.ListAsync(includeDeleted, ct), cancellationToken);

    /// <inheritdoc />
    public Task<StoredEntry?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _inner.GetAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public Task<StoredEntry> CreateAsync(FaqEntry entry, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _inner.CreateAsync(entry, editor, vectors, ct), cancellationToken);

    /// <inheritdoc />
    public Task<StoredEntry> UpdateAsync(FaqEntry entry, string ifMatch, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _inner.UpdateAsync(entry, ifMatch, editor, vectors, ct), cancellationToken);

    /// <inheritdoc />
    public Task<StoredEntry> DeleteAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _inner.DeleteAsync(id, ifMatch, editor, ct), cancellationToken);

    /// <inheritdoc />
    public Task<StoredEntry> RestoreAsync(string id, string? ifMatch, string editor, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _inner.RestoreAsync(id, ifMatch, editor, ct), cancellationToken);

    /// <inheritdoc />
    public Task<StoredEntry> RevertAsync(string id, long version, string? ifMatch, string editor, EntryVectors? vectors, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _inner.RevertAsync(id, version, ifMatch, editor, vectors, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EntryVersion>> HistoryAsync(string id, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _inner.HistoryAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public Task<bool> SetVectorsAsync(string id, string ifMatch, EntryVectors vectors, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _inner.SetVectorsAsync(id, ifMatch, vectors, ct), cancellationToken);

    /// <inheritdoc />
    public Task<bool> SeedAsync(IReadOnlyList<FaqEntry> entries, string editor, CancellationToken cancellationToken = default) =>
        RunAsync(ct => _inner.SeedAsync(entries, editor, ct), cancellationToken);
}

/// <summary>A review store whose every call runs through <see cref="StoreResilience"/>.</summary>
public sealed class ResilientReviewStore(IReviewStore inner, StoreResilience resilience) : IReviewStore
{
    /// <inheritdoc />
    public Task RecordUnansweredAsync(IReadOnlyList<UnansweredQuestion> questions, CancellationToken cancellationToken = default) =>
        resilience.RunAsync(async ct => { await inner.RecordUnansweredAsync(questions, ct); return true; }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<UnansweredQuestion>> ListUnansweredAsync(CancellationToken cancellationToken = default) =>
        resilience.RunAsync(inner.ListUnansweredAsync, cancellationToken);

    /// <inheritdoc />
    public Task<UnansweredQuestion?> GetUnansweredAsync(string id, CancellationToken cancellationToken = default) =>
        resilience.RunAsync(ct => inner.GetUnansweredAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public Task<bool> RemoveUnansweredAsync(string id, CancellationToken cancellationToken = default) =>
        resilience.RunAsync(ct => inner.RemoveUnansweredAsync(id, ct), cancellationToken);

    /// <inheritdoc />
    public Task<int> PurgeUnansweredAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        resilience.RunAsync(ct => inner.PurgeUnansweredAsync(before, ct), cancellationToken);

    /// <inheritdoc />
    public Task RecordFeedbackAsync(string faqId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        resilience.RunAsync(async ct => { await inner.RecordFeedbackAsync(faqId, helpful, at, ct); return true; }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<FeedbackCount>> FeedbackCountsAsync(CancellationToken cancellationToken = default) =>
        resilience.RunAsync(inner.FeedbackCountsAsync, cancellationToken);
}

/// <summary>A usage store whose every call runs through <see cref="StoreResilience"/>.</summary>
public sealed class ResilientUsageStore(IUsageStore inner, StoreResilience resilience) : IUsageStore
{
    /// <inheritdoc />
    public Task SaveAsync(string writer, DateOnly day, IReadOnlyDictionary<UsageCell, long> totals, CancellationToken cancellationToken = default) =>
        resilience.RunAsync(async ct => { await inner.SaveAsync(writer, day, totals, ct); return true; }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<UsageDay>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default) =>
        resilience.RunAsync(ct => inner.ReadAsync(first, last, ct), cancellationToken);

    /// <inheritdoc />
    public Task<int> PurgeAsync(DateOnly before, CancellationToken cancellationToken = default) =>
        resilience.RunAsync(ct => inner.PurgeAsync(before, ct), cancellationToken);
}
