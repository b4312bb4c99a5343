namespace Faq.Api.Embeddings;

/// <summary>
/// Which embedding generator builds entry and question vectors (<c>Faq:Embeddings</c>). The Azure OpenAI settings
/// (Endpoint, Deployment, ApiKey, BatchSize, timeouts) are read from the same section into
/// <see cref="Faq.AzureOpenAI.AzureOpenAIEmbeddingOptions"/>.
/// </summary>
internal sealed class EmbeddingOptions
{
    public const string Section = "Faq:Embeddings";
    public const string LocalProvider = "Local";
    public const string AzureOpenAIProvider = "AzureOpenAI";

    /// <summary><c>Local</c> (default: the built-in hashed n-gram embedder, no network) or <c>AzureOpenAI</c>.</summary>
    public string Provider { get; set; } = LocalProvider;

    /// <summary>Vector length: for Local a power of two, 64 to 4096; for Azure OpenAI the length requested from the model.</summary>
    public int Dimensions { get; set; } = 256;

    public bool IsAzureOpenAI => Provider.Equals(AzureOpenAIProvider, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Validate()
    {
        if (!IsAzureOpenAI && !Provider.Equals(LocalProvider, StringComparison.OrdinalIgnoreCase))
        {
            yield return "Faq:Embeddings:Provider must be 'Local' or 'AzureOpenAI'.";
        }
        else if (!IsAzureOpenAI && (Dimensions is < 64 or > 4096 || (Dimensions & (Dimensions - 1)) != 0))
        {
            yield return "Faq:Embeddings:Dimensions must be a power of two between 64 and 4096 for the local embedder.";
        }
    }
}
