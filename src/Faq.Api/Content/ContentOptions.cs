namespace Faq.Api.Content;

/// <summary>Where the curated FAQ set comes from (<c>Faq:Content</c>).</summary>
internal sealed class ContentOptions
{
    public const string Section = "Faq:Content";

    /// <summary>The FAQ JSON file; relative paths are resolved against the app's own folder.</summary>
    public string Path { get; set; } = "data/faq/dry-needling.json";

    public string ResolvedPath => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}

/// <summary>Which embedding generator builds entry and question vectors (<c>Faq:Embeddings</c>).</summary>
internal sealed class EmbeddingOptions
{
    public const string Section = "Faq:Embeddings";

    /// <summary>Vector length of the local hashed n-gram embedder: a power of two, 64 to 4096.</summary>
    public int Dimensions { get; set; } = 256;
}
