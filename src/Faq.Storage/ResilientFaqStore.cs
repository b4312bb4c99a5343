using System.Globalization;
using Azure;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Review;
using Faq.Core.Storage;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Faq.Storage;

/// <summary>Resilience settings for store calls (<c>Faq:StoreResilience</c>).</summary>
public sealed class StoreResilienceOptions
{
    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait a Retry-After header may impose on a retry.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failure ratio over the sampling window that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls in the window before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 8;

    /// <summary>The breaker's sampling window.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial call.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// The Polly pipeline every store call runs through: retry with exponential back-off and jitter on 408, 429,
/// 5xx and network errors (honouring Retry-After), a circuit breaker so a dead store fails fast, and a
/// per-attempt timeout. Domain outcomes (not found, conflict) pass straight through; anything that still fails
/// surfaces as <see cref="FaqStoreUnavailableException"/>.
/// </summary>
public sealed class StoreResilience
{
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Builds the pipeline.</summary>
    public StoreResilience(StoreResilienceOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transient = new PredicateBuilder().Handle<Exception>(IsTransient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception, options.MaxRetryAfter)),
            });
        }

        _pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = Math.Max(2, options.BreakerMinimumThroughput),
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>Whether a failure is worth retrying: the store may answer next time.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or IOException or TimeoutRejectedException => true,
        TaskCanceledException t => t.InnerException is TimeoutException,
        _ => false,
    };

    private static TimeSpan? RetryAfter(Exception? exception, TimeSpan max)
    {
        if (exception is RequestFailedException failed && failed.GetRawResponse() is { } response
            && response.Headers.TryGetValue("Retry-After", out var value))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Min(seconds, max.TotalSeconds));
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait <= TimeSpan.Zero ? TimeSpan.Zero : (wait < max ? wait : max);
            }
        }

        return null; // use the exponential back-off with jitter
    }

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
    public ResilientFaqStore(IFaqStore inner, StoreResilienceOptions options, TimeProvider? time = null)
        : this(inner, new StoreResilience(options, time))
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
