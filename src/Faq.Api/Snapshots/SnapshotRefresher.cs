using System.Security.Cryptography;
using System.Text;
using Faq.Api.Store;
using Faq.Core.Analysis;
using Faq.Core.Answering;
using Faq.Core.Content;
using Faq.Core.Editing;
using Faq.Core.Embeddings;
using Faq.Core.Languages;
using Faq.Core.Matching;
using Faq.Core.Storage;
using Microsoft.Extensions.AI;

namespace Faq.Api.Snapshots;

/// <summary>
/// Keeps the served FAQ index in step with the store: seeds an empty store from the curated file once, loads the
/// entries, reuses their stored vectors (embedding and saving only what is missing or was made by another model),
/// and swaps in a new index when something changed. It reloads every <see cref="SnapshotOptions.RefreshSeconds"/>
/// (changes made elsewhere) and at once after a change saved here (<see cref="ReloadAsync"/>). When the store fails it
/// keeps serving the last good index and reports degraded health; it retries by itself, so a cold start with the
/// store down recovers without a restart.
/// </summary>
internal sealed partial class SnapshotRefresher : BackgroundService, IFaqReloader
{
    public const string SeedEditor = "seed";

    /// <summary>Longest a saved change waits for the bot to answer from it before the save returns anyway.</summary>
    public static readonly TimeSpan ServedWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MaxColdRetry = TimeSpan.FromSeconds(30);
    private readonly FaqSnapshots _snapshots;
    private readonly IFaqStore _store;
    private readonly TextAnalyzer _analyzer;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly EntryEmbedder _embedder;
    private readonly SnapshotOptions _options;
    private readonly SeedOptions _seed;
    private readonly AnsweringOptions _answering;
    private string? _warnedModel;
    private readonly StoreOptions _storeOptions;
    private readonly TimeProvider _time;
    private readonly ILogger<SnapshotRefresher> _logger;
    private readonly RefreshQueue _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _seeded;
    private Task? _first;

    public SnapshotRefresher(
        FaqSnapshots snapshots,
        IFaqStore store,
        TextAnalyzer analyzer,
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        IOptions<SnapshotOptions> options,
        IOptions<SeedOptions> seed,
        IOptions<AnsweringOptions> answering,
        IOptions<StoreOptions> storeOptions,
        TimeProvider time,
        ILogger<SnapshotRefresher> logger)
    {
        _snapshots = snapshots;
        _store = store;
        _analyzer = analyzer;
        _embeddings = embeddings;
        _embedder = new EntryEmbedder(embeddings);
        _options = options.Value;
        _seed = seed.Value;
        _answering = answering.Value;
        _storeOptions = storeOptions.Value;
        _time = time;
        _logger = logger;
        _queue = new RefreshQueue(() => TryRefreshAsync(_stopping.Token));
    }

    /// <summary>Reloads after a change saved on this instance and waits, at most <see cref="ServedWait"/>, until it is served.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await _queue.RefreshAsync(ServedWait, _time, cancellationToken))
            {
                LogNotServedYet(_logger, ServedWait.TotalSeconds, _snapshots.Health.Reason);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away; the change is saved and is served all the same.
        }
    }

    /// <summary>
    /// Completes once start-up has waited for the first load (at most <c>Faq:Snapshot:StartupWaitSeconds</c>). The local
    /// server starts listening only then; the Functions worker takes requests as soon as the host has its functions,
    /// so each function waits for this (<see cref="Functions.FaqPipeline"/>).
    /// </summary>
    public Task Started => _started.Task;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Serve requests with a loaded FAQ when the store answers promptly; never hang start-up on a dead store.
            _first = _queue.Next();
            await Task.WhenAny(_first, Task.Delay(TimeSpan.FromSeconds(_options.StartupWaitSeconds), _time, cancellationToken));
            await base.StartAsync(cancellationToken);
        }
        finally
        {
            _started.TrySetResult();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
    }

    // The host may stop a service again after disposing it, and a queued refresh may still start: like
    // BackgroundService's own token source, this one is cancelled, never disposed.
    public override void Dispose()
    {
        _stopping.Cancel();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_first is not null)
        {
            await _first;
        }

        var coldRetry = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Until a first snapshot exists, retry sooner (with back-off) than the regular refresh interval.
            var wait = _snapshots.Current is null ? coldRetry : TimeSpan.FromSeconds(_options.RefreshSeconds);
            coldRetry = TimeSpan.FromTicks(Math.Min(MaxColdRetry.Ticks, coldRetry.Ticks * 2));
            try
            {
                await Task.Delay(wait, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await _queue.Next();
        }
    }

    private async Task TryRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
            _snapshots.ReportHealthy(_time.GetUtcNow());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is FaqStoreUnavailableException or IOException or UnauthorizedAccessException or FormatException)
        {
            _snapshots.ReportFailure(ex.Message);
            LogRefreshFailed(_logger, _snapshots.Current is null ? "no FAQ is being served yet" : "serving the last good snapshot", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever went wrong, the refresher must not take the host down with it: keep serving and retry.
            _snapshots.ReportFailure(ex.Message);
            LogRefreshError(_logger, ex);
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!_seeded)
        {
            await SeedAsync(cancellationToken);
            _seeded = true;
        }

        var stored = await _store.ListAsync(includeDeleted: false, cancellationToken);
        var fingerprint = Fingerprint(stored);
        // An index built while the embedding model was unavailable is rebuilt at every refresh until it has vectors.
        if (_snapshots.Current is { } current && current.Fingerprint == fingerprint && current.Index.EmbeddingFailure is null)
        {
            return;
        }

        var started = _time.GetTimestamp();
        var entries = stored.Select(s => s.Entry).ToList();
        var vectors = stored.Select(s => s.Vectors).ToList();
        await SaveMissingVectorsAsync(stored, vectors, cancellationToken);
        var index = await FaqIndex.BuildAsync(entries, _analyzer, _embeddings, _answering.Keyword, vectors, cancellationToken);
        _snapshots.Publish(new FaqSnapshot(index, fingerprint, _time.GetUtcNow()));
        // The other languages' indexes embed their text when built (it is not stored): the English index is served
        // first, so a cold start is not held up by them, and Spanish questions are matched against it meanwhile.
        if (index.Entries.Any(e => e.Translations.Count > 0))
        {
            index = await LocalizedIndex.AttachAsync(index, _embeddings, _answering.Keyword, cancellationToken);
            _snapshots.Publish(new FaqSnapshot(index, fingerprint, _time.GetUtcNow()));
        }

        LogPublished(_logger, entries.Count, _storeOptions.Kind, _time.GetElapsedTime(started).TotalMilliseconds);
        if (index.Dimensions > 0 && !_answering.Fusion.Fits(index.EmbeddingModelId) && _warnedModel != index.EmbeddingModelId)
        {
            _warnedModel = index.EmbeddingModelId;
            LogUncalibratedModel(_logger, _answering.Fusion.ModelId, index.EmbeddingModelId);
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var path = _seed.ResolvedPath;
        // The curated text in every language: dry-needling.json and the translations beside it (dry-needling.es.json).
        var seed = await FaqSet.ReadWithTranslationsAsync(path, cancellationToken);

        // No vectors here: an already seeded store (every start but the first) would throw them away, and the
        // refresh that follows embeds and saves whatever lacks them, once.
        if (await _store.SeedAsync(seed, SeedEditor, cancellationToken))
        {
            LogSeeded(_logger, seed.Count, path);
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

        LogReembedding(_logger, missing.Count, _embedder.ModelId);
        var progress = new Progress<int>(done => LogReembedProgress(_logger, done, missing.Count));
        IReadOnlyList<EntryVectors> computed;
        try
        {
            computed = await _embedder.EmbedAsync([.. missing.Select(i => stored[i].Entry)], progress, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The model is unavailable: the index is built without vectors (keyword similarity alone) and the next
            // refresh tries again. The store is fine, so this is not reported as a store failure.
            LogEmbeddingUnavailable(_logger, missing.Count, ex.Message);
            return;
        }

        for (var k = 0; k < missing.Count; k++)
        {
            var i = missing[k];
            vectors[i] = computed[k];
            await _store.SetVectorsAsync(stored[i].Entry.Id, stored[i].ETag, computed[k], cancellationToken);
        }
    }

    // Versions and ETags, and the content too: a person editing the file store by hand changes an entry without
    // making a new version, and that edit is served all the same.
    private static string Fingerprint(IReadOnlyList<StoredEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries)
        {
            var entry = e.Entry;
            text.AppendJoin('\u0001', entry.Id, e.Version, e.ETag, entry.Question, entry.Answer)
                .Append('\u0002').AppendJoin('\u0001', entry.Alternates)
                .Append('\u0002').AppendJoin('\u0001', entry.Tags)
                .Append('\u0002').AppendJoin('\u0001', entry.Related);
            foreach (var (language, content) in entry.Translations)
            {
                text.Append('\u0003').AppendJoin('\u0001', language, content.Question, content.Answer)
                    .Append('\u0002').AppendJoin('\u0001', content.Alternates);
            }

            text.Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the empty FAQ store with {EntryCount} entries from {Path}")]
    private static partial void LogSeeded(ILogger logger, int entryCount, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not embed {EntryCount} entries ({Reason}): they are served by keyword similarity until the embedding model is available")]
    private static partial void LogEmbeddingUnavailable(ILogger logger, int entryCount, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Faq:Answering:Fusion holds weights fitted for {FittedModel}, but the entries are embedded with {Model}: questions are answered by keyword similarity alone until weights are fitted for it (faq calibrate prints them)")]
    private static partial void LogUncalibratedModel(ILogger logger, string fittedModel, string? model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {EntryCount} FAQ entries from the {Store} store (index built in {ElapsedMs:F0} ms)")]
    private static partial void LogPublished(ILogger logger, int entryCount, Faq.Storage.StoreKind store, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedding {EntryCount} entries whose stored vectors are missing or not from model {ModelId}")]
    private static partial void LogReembedding(ILogger logger, int entryCount, string? modelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-embedded {Done} of {Total} entries")]
    private static partial void LogReembedProgress(ILogger logger, int done, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure refreshing the FAQ from the store")]
    private static partial void LogRefreshError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the FAQ from the store ({State}): {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string state, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change is saved but the FAQ had not reloaded after {Seconds} s (last store problem: {Reason}); it is served once the reload finishes")]
    private static partial void LogNotServedYet(ILogger logger, double seconds, string? reason);
}
