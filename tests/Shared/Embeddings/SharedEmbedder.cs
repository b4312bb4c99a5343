using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Triage;
using Faq.MiniLM;
using Microsoft.Extensions.AI;

namespace Faq.Tests.Shared;

/// <summary>
/// The app's real sentence-embedding model, loaded once per test process and shared by every test behind one
/// embedding cache. The curated FAQ's texts and the triage's exemplars are embedded when it is first used, before any
/// app under test starts, so an app's start-up finds them cached and no test waits for the model on the clock of a
/// start-up timeout. Never disposed (it lives as long as the process); app hosts get it as an instance they do not own.
/// </summary>
internal static class SharedEmbedder
{
    private static readonly Lazy<EmbeddingCache> Cached = new(Warm);

    public static IEmbeddingGenerator<string, Embedding<float>> Instance => Cached.Value;

    private static EmbeddingCache Warm()
    {
        var cache = new EmbeddingCache(new MiniLmEmbeddingGenerator(), capacity: 100_000);
        var curated = Path.Combine(AppContext.BaseDirectory, "data", "faq", "dry-needling.json");
        if (File.Exists(curated))
        {
            new EntryEmbedder(cache).EmbedAsync(FaqSet.Parse(File.ReadAllText(curated))).GetAwaiter().GetResult();
            // The Spanish index embeds the curated Spanish text at every app start: warm it here too.
            var withSpanish = FaqSet.ReadWithTranslationsAsync(curated).GetAwaiter().GetResult();
            new EntryEmbedder(cache).EmbedAsync(Faq.Core.Languages.LocalizedIndex.Project(withSpanish, "es")).GetAwaiter().GetResult();
        }

        new UrgentTriage(cache).WarmUpAsync().GetAwaiter().GetResult();
        return cache;
    }
}
