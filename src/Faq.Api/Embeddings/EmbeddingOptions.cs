namespace Faq.Api.Embeddings;

/// <summary>
/// Which embedding generator builds entry and question vectors (<c>Faq:Embeddings</c>). The Azure OpenAI settings
/// (Endpoint, Deployment, ApiKey, Dimensions, BatchSize, timeouts) are read from the same section into
/// <see cref="Faq.AzureOpenAI.AzureOpenAIEmbeddingOptions"/>.
/// </summary>
internal sealed class EmbeddingOptions
{
    public const string Section = "Faq:Embeddings";
    public const string LocalProvider = "Local";
    public const string AzureOpenAIProvider = "AzureOpenAI";

    /// <summary><c>Local</c> (default: the shipped all-MiniLM-L6-v2 model, run in process, no network) or <c>AzureOpenAI</c>.</summary>
    public string Provider { get; set; } = LocalProvider;

    /// <summary>Threads one local inference uses; requests run in parallel, so one suits a server.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>Question vectors kept for questions asked again (per generation; up to twice this many are kept).</summary>
    public int CacheSize { get; set; } = 10_000;

    /// <summary>How long a question waits for the local model to finish loading before it is answered by keyword only.</summary>
    public double LoadTimeoutSeconds { get; set; } = 15;

    public bool IsAzureOpenAI => Provider.Equals(AzureOpenAIProvider, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Validate()
    {
        if (!IsAzureOpenAI && !Provider.Equals(LocalProvider, StringComparison.OrdinalIgnoreCase))
        {
            yield return "Faq:Embeddings:Provider must be 'Local' or 'AzureOpenAI'.";
        }

        if (Threads is < 1 or > 64)
        {
            yield return "Faq:Embeddings:Threads must be between 1 and 64.";
        }

        if (CacheSize is < 1 or > 1_000_000)
        {
            yield return "Faq:Embeddings:CacheSize must be between 1 and 1,000,000.";
        }

        if (LoadTimeoutSeconds is <= 0 or > 600)
        {
            yield return "Faq:Embeddings:LoadTimeoutSeconds must be above 0 and at most 600.";
        }
    }
}
