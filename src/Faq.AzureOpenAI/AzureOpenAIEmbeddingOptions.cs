using Faq.Core.Resilience;

namespace Faq.AzureOpenAI;

/// <summary>
/// An Azure OpenAI embedding deployment reached at the resource's v1 endpoint, and how hard to try
/// (<c>Faq:Embeddings</c> when <c>Provider</c> is <c>AzureOpenAI</c>).
/// </summary>
public sealed class AzureOpenAIEmbeddingOptions : ResilienceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Faq:Embeddings";

    /// <summary>The resource endpoint, <c>https://&lt;resource&gt;.openai.azure.com/</c>; <c>/openai/v1/</c> is added when missing.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The embedding deployment's name (for example <c>text-embedding-3-small</c>).</summary>
    public string? Deployment { get; set; }

    /// <summary>The resource's API key; leave empty to sign in with Entra ID (managed identity).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Vector length requested from the model (text-embedding-3 models can shorten their vectors).</summary>
    public int Dimensions { get; set; } = 1536;

    /// <summary>Texts per request; the service accepts up to 2,048.</summary>
    public int BatchSize { get; set; } = 128;

    /// <summary>Creates the options with the defaults for a service one network hop away: a 10 s attempt, two retries
    /// 250 ms apart at first, and a breaker that opens for 30 s when half of at least six calls fail.</summary>
    public AzureOpenAIEmbeddingOptions()
    {
        AttemptTimeout = TimeSpan.FromSeconds(10);
        MaxRetries = 2;
        RetryDelay = TimeSpan.FromMilliseconds(250);
        BreakerMinimumThroughput = 6;
        BreakDuration = TimeSpan.FromSeconds(30);
    }

    /// <summary>The problems with these settings, if any, each naming its configuration key.</summary>
    public IEnumerable<string> Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || Endpoint.Scheme != Uri.UriSchemeHttps)
        {
            yield return "Faq:Embeddings:Endpoint must be the Azure OpenAI resource's https endpoint.";
        }

        if (string.IsNullOrWhiteSpace(Deployment))
        {
            yield return "Faq:Embeddings:Deployment must name the embedding deployment.";
        }

        if (Dimensions is < 1 or > 4096)
        {
            yield return "Faq:Embeddings:Dimensions must be between 1 and 4096 for Azure OpenAI.";
        }

        if (BatchSize is < 1 or > 2048)
        {
            yield return "Faq:Embeddings:BatchSize must be between 1 and 2048.";
        }

        foreach (var problem in ValidateResilience(Section))
        {
            yield return problem;
        }
    }

    /// <summary>The v1 API base address for <see cref="Endpoint"/>.</summary>
    public Uri ApiBase()
    {
        ArgumentNullException.ThrowIfNull(Endpoint);
        var text = Endpoint.AbsoluteUri.TrimEnd('/');
        return new Uri(text.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase) ? text + "/" : text + "/openai/v1/");
    }
}
