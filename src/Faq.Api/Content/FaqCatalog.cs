using System.Diagnostics;
using Faq.Core.Matching;

namespace Faq.Api.Content;

/// <summary>
/// The FAQ index being served and the health of the store behind it. Requests read <see cref="Current"/> once
/// and use that snapshot for the whole request; a refresh builds a new index off to the side and swaps it in.
/// </summary>
internal sealed class FaqCatalog : IDisposable
{
    private readonly SemaphoreSlim _refreshRequested = new(0, 1);
    private volatile FaqSnapshot? _current;
    private volatile StoreHealth _health = new(false, "The FAQ has not been loaded yet.", null);

    public FaqSnapshot? Current => _current;

    public void Dispose() => _refreshRequested.Dispose();

    public StoreHealth Health => _health;

    public void Publish(FaqSnapshot snapshot) => _current = snapshot;

    public void ReportHealthy(DateTimeOffset at) => _health = new StoreHealth(true, null, at);

    public void ReportFailure(string reason) => _health = _health with { Reachable = false, Reason = reason };

    private long _embeddingFailingSince; // UTC ticks; 0 while questions are embedded

    /// <summary>When the embedding service started failing questions (answered by keyword alone), or null.</summary>
    public DateTimeOffset? EmbeddingFailingSince =>
        Interlocked.Read(ref _embeddingFailingSince) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>
    /// Records whether the last question could be embedded; returns true when that changed. Written only on a
    /// change, so the hot path does not contend on it.
    /// </summary>
    public bool ReportEmbedding(bool failed, DateTimeOffset at)
    {
        var current = Interlocked.Read(ref _embeddingFailingSince);
        if (failed == (current != 0))
        {
            return false;
        }

        return Interlocked.CompareExchange(ref _embeddingFailingSince, failed ? at.UtcTicks : 0, current) == current;
    }

    private readonly Lock _gate = new();
    private long _requested; // refreshes asked for so far
    private long _covered; // the highest of those that a finished refresh has read the store after
    private TaskCompletionSource _refreshFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many refreshes have been requested so far; compare before and after a change.</summary>
    public long RefreshesRequested => Interlocked.Read(ref _requested);

    /// <summary>Asks the refresher to reload now (after a change made on this instance).</summary>
    public void RequestRefresh()
    {
        Interlocked.Increment(ref _requested);
        if (_refreshRequested.CurrentCount == 0)
        {
            try
            {
                _refreshRequested.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already requested.
            }
        }
    }

    /// <summary>Waits until a refresh is requested or the delay passes.</summary>
    public async Task WaitForRefreshAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        await _refreshRequested.WaitAsync(delay, cancellationToken);

    /// <summary>
    /// Called by the refresher before it reads the store; pass the result to <see cref="EndRefresh"/> when done.
    /// Every request made before this call is covered by that refresh (it reads the store afterwards).
    /// </summary>
    public long BeginRefresh() => Interlocked.Read(ref _requested);

    /// <summary>Called by the refresher when a refresh has finished, whether or not it succeeded.</summary>
    public void EndRefresh(long covers)
    {
        TaskCompletionSource finished;
        lock (_gate)
        {
            _covered = Math.Max(_covered, covers);
            finished = _refreshFinished;
            _refreshFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        finished.TrySetResult();
    }

    /// <summary>
    /// Waits until every refresh requested so far has been carried out (so a change just saved on this instance is
    /// what questions are answered from), at most <paramref name="timeout"/>. Returns false on timeout; the change
    /// is served anyway once the refresher gets to it.
    /// </summary>
    public async Task<bool> WaitForRequestedRefreshesAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref _requested);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            Task finished;
            lock (_gate)
            {
                if (_covered >= target)
                {
                    return true;
                }

                finished = _refreshFinished.Task;
            }

            var left = timeout - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await finished.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }
}

/// <summary>An index, its entries' fingerprint and when it was built.</summary>
internal sealed record FaqSnapshot(FaqIndex Index, string Fingerprint, DateTimeOffset LoadedAt);

/// <summary>Whether the last store call succeeded, why not, and when the store last answered.</summary>
internal sealed record StoreHealth(bool Reachable, string? Reason, DateTimeOffset? LastSuccess);
