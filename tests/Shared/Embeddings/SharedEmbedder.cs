using Faq.Core.Embeddings;
using Faq.MiniLM;
using Microsoft.Extensions.AI;

namespace Faq.Tests.Shared;

/// <summary>
/// The app's real sentence-embedding model, loaded once per test process and shared by every test behind one
/// embedding cache: the curated FAQ is embedded once, and a question asked by many tests is embedded once.
/// Never disposed (it lives as long as the process); app hosts get it as an instance they do not own.
/// </summary>
internal static class SharedEmbedder
{
    private static readonly Lazy<EmbeddingCache> Cached = new(() => new EmbeddingCache(new MiniLmEmbeddingGenerator(), capacity: 100_000));

    public static IEmbeddingGenerator<string, Embedding<float>> Instance => Cached.Value;
}
