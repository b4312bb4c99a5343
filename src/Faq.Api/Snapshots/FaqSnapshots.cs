using Faq.Core.Matching;

namespace Faq.Api.Snapshots;

/// <summary>
/// The FAQ index being served, the health of the store behind it and whether questions can be embedded. Requests read
/// <see cref="Current"/> once and use that snapshot for the whole request; the <see cref="SnapshotRefresher"/> builds a
/// new index off to the side and swaps it in.
/// </summary>
internal sealed class FaqSnapshots
{
    private volatile FaqSnapshot? _current;
    private volatile StoreHealth _health = new(false, "The FAQ has not been loaded yet.", null);
    private long _embeddingFailingSince; // UTC ticks; 0 while questions are embedded

    /// <summary>The snapshot being served, or null until the FAQ could be loaded once.</summary>
    public FaqSnapshot? Current => _current;

    public StoreHealth Health => _health;

    public void Publish(FaqSnapshot snapshot) => _current = snapshot;

    public void ReportHealthy(DateTimeOffset at) => _health = new StoreHealth(true, null, at);

    public void ReportFailure(string reason) => _health = _health with { Reachable = false, Reason = reason };

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
}

/// <summary>An index, its entries' fingerprint and when it was built.</summary>
internal sealed record FaqSnapshot(FaqIndex Index, string Fingerprint, DateTimeOffset LoadedAt);

/// <summary>Whether the last store call succeeded, why not, and when the store last answered.</summary>
internal sealed record StoreHealth(bool Reachable, string? Reason, DateTimeOffset? LastSuccess);
