using Faq.Core.Analysis;
using Faq.Core.Answering;
using Faq.Core.Content;
using Faq.Core.Matching;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Faq.Api.Content;

/// <summary>Loads the curated FAQ file and builds the index before the app starts serving.</summary>
internal sealed partial class FaqContentLoader(
    FaqCatalog catalog,
    TextAnalyzer analyzer,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IOptions<ContentOptions> content,
    IOptions<AnsweringOptions> answering,
    TimeProvider time,
    ILogger<FaqContentLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = content.Value.ResolvedPath;
        IReadOnlyList<FaqEntry> entries;
        try
        {
            await using var stream = File.OpenRead(path);
            entries = await FaqSet.ReadAsync(stream, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new InvalidOperationException($"Cannot load the FAQ set from '{path}' (Faq:Content:Path): {ex.Message}", ex);
        }

        var started = time.GetTimestamp();
        var index = await FaqIndex.BuildAsync(entries, analyzer, embeddings, answering.Value.Keyword, cancellationToken);
        catalog.Publish(new FaqSnapshot(index, time.GetUtcNow()));
        LogLoaded(logger, entries.Count, path, time.GetElapsedTime(started).TotalMilliseconds);

        foreach (var entry in entries)
        {
            foreach (var missing in entry.Related.Where(id => !index.ById.ContainsKey(id)))
            {
                LogMissingRelated(logger, entry.Id, missing);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {EntryCount} FAQ entries from {Path} and built the index in {ElapsedMs:F0} ms")]
    private static partial void LogLoaded(ILogger logger, int entryCount, string path, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FAQ entry {FaqId} lists related entry {RelatedId}, which does not exist")]
    private static partial void LogMissingRelated(ILogger logger, string faqId, string relatedId);
}
