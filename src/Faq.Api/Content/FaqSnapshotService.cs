using System.Security.Cryptography;
using System.Text;
using Faq.Core.Analysis;
using Faq.Core.Answering;
using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Matching;
using Faq.Core.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Faq.Api.Content;

/// <summary>
/// Keeps the served FAQ index in step with the store: seeds an empty store from the curated file once, loads the
/// entries, reuses their stored vectors (embedding and saving only what is missing or was made by another model),
/// and swaps in a new index when something changed. When the store fails it keeps serving the last good index
/// and reports degraded health; it retries by itself, so a cold start with the store down recovers without a
/// restart.
/// </summary>
internal sealed partial class FaqSnapshotService(
    FaqCatalog catalog,
    IFaqStore store,
    TextAnalyzer analyzer,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    StoreOptions storeOptions,
    IOptions<ContentOptions> content,
    IOptions<AnsweringOptions> answering,
    TimeProvider time,
    ILogger<FaqSnapshotService> logger) : BackgroundService
{
    public const string SeedEditor = "seed";
    private static readonly TimeSpan MaxColdRetry = TimeSpan.FromSeconds(30);
    private readonly EntryEmbedder _embedder = new(embeddings);
    private bool _seeded;
    private Task? _firstRefresh;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Serve requests with a loaded FAQ when the store answers promptly; never hang start-up on a dead store.
        _firstRefresh = TryRefreshAsync(cancellationToken);
        await Task.WhenAny(_firstRefresh, Task.Delay(TimeSpan.FromSeconds(storeOptions.StartupWaitSeconds), time, cancellationToken));
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_firstRefresh is not null)
        {
            await _firstRefresh;
        }

        var coldRetry = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Until a first snapshot exists, retry sooner (with back-off) than the regular refresh interval.
            var wait = catalog.Current is null ? coldRetry : TimeSpan.FromSeconds(storeOptions.RefreshSeconds);
            coldRetry = TimeSpan.FromTicks(Math.Min(MaxColdRetry.Ticks, coldRetry.Ticks * 2));
            try
            {
                await catalog.WaitForRefreshAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await TryRefreshAsync(stoppingToken);
        }
    }

    private async Task TryRefreshAsync(CancellationToken cancellationToken)
    {
        var covers = catalog.BeginRefresh();
        try
        {
            await RefreshAsync(cancellationToken);
            catalog.ReportHealthy(time.GetUtcNow());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is FaqStoreUnavailableException or IOException or UnauthorizedAccessException or FormatException)
        {
            catalog.ReportFailure(ex.Message);
            LogRefreshFailed(logger, catalog.Current is null ? "no FAQ is being served yet" : "serving the last good snapshot", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever went wrong, the refresher must not take the host down with it: keep serving and retry.
            catalog.ReportFailure(ex.Message);
            LogRefreshError(logger, ex);
        }
        finally
        {
            catalog.EndRefresh(covers);
        }
    }

    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!_seeded)
        {
            await SeedAsync(cancellationToken);
            _seeded = true;
        }

        var stored = await store.ListAsync(includeDeleted: false, cancellationToken);
        var fingerprint = Fingerprint(stored);
        if (catalog.Current?.Fingerprint == fingerprint)
        {
            return;
        }

        var started = time.GetTimestamp();
        var entries = stored.Select(s => s.Entry).ToList();
        var vectors = stored.Select(s => s.Vectors).ToList();
        await SaveMissingVectorsAsync(stored, vectors, cancellationToken);
        var index = await FaqIndex.BuildAsync(entries, analyzer, embeddings, answering.Value.Keyword, vectors, cancellationToken);
        catalog.Publish(new FaqSnapshot(index, fingerprint, time.GetUtcNow()));
        LogPublished(logger, entries.Count, storeOptions.Store, time.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var path = content.Value.ResolvedPath;
        IReadOnlyList<FaqEntry> seed;
        await using (var stream = File.OpenRead(path))
        {
            seed = await FaqSet.ReadAsync(stream, cancellationToken);
        }

        // No vectors here: an already seeded store (every start but the first) would throw them away, and the
        // refresh that follows embeds and saves whatever lacks them, once.
        if (await store.SeedAsync(seed, SeedEditor, cancellationToken))
        {
            LogSeeded(logger, seed.Count, path);
        }
    }

    // Entries whose vectors are missing or from another model are embedded once and saved, so the next start
    // (on any instance) reuses them. A failed save is harmless: the entry is embedded again next time.
    private async Task SaveMissingVectorsAsync(IReadOnlyList<StoredEntry> stored, List<EntryVectors?> vectors, CancellationToken cancellationToken)
    {
        var missing = Enumerable.Range(0, stored.Count)
            .Where(i => vectors[i] is not { } v || !_embedder.Fits(v, stored[i].Entry))
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        LogReembedding(logger, missing.Count, _embedder.ModelId);
        var progress = new Progress<int>(done => LogReembedProgress(logger, done, missing.Count));
        var computed = await _embedder.EmbedAsync([.. missing.Select(i => stored[i].Entry)], progress, cancellationToken);
        for (var k = 0; k < missing.Count; k++)
        {
            var i = missing[k];
            vectors[i] = computed[k];
            await store.SetVectorsAsync(stored[i].Entry.Id, stored[i].ETag, computed[k], cancellationToken);
        }
    }

    private static string Fingerprint(IReadOnlyList<StoredEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries)
        {
            text.Append(e.Entry.Id).Append('\u0001').Append(e.Version).Append('\u0001').Append(e.ETag).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the empty FAQ store with {EntryCount} entries from {Path}")]
    private static partial void LogSeeded(ILogger logger, int entryCount, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {EntryCount} FAQ entries from the {Store} store (index built in {ElapsedMs:F0} ms)")]
    private static partial void LogPublished(ILogger logger, int entryCount, string store, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedding {EntryCount} entries whose stored vectors are missing or not from model {ModelId}")]
    private static partial void LogReembedding(ILogger logger, int entryCount, string? modelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-embedded {Done} of {Total} entries")]
    private static partial void LogReembedProgress(ILogger logger, int done, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure refreshing the FAQ from the store")]
    private static partial void LogRefreshError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the FAQ from the store ({State}): {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string state, string reason);
}
