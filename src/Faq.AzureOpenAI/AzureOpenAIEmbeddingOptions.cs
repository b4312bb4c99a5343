namespace Faq.AzureOpenAI;

/// <summary>
/// An Azure OpenAI embedding deployment reached at the resource's v1 endpoint, and how hard to try
/// (<c>Faq:Embeddings</c> when <c>Provider</c> is <c>AzureOpenAI</c>).
/// </summary>
public sealed class AzureOpenAIEmbeddingOptions
{
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

    /// <summary>Time allowed for one request.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, on 408, 429, 5xx, network errors and timeouts.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay when the service gives no Retry-After; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait a Retry-After header may impose before a retry; longer waits fail the call instead.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failure ratio over the sampling window that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls in the window before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 6;

    /// <summary>The breaker's sampling window.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open (questions answered by keyword alone) before a trial call.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

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

        if (AttemptTimeout <= TimeSpan.Zero || MaxRetries < 0 || MaxRetryAfter < TimeSpan.Zero)
        {
            yield return "Faq:Embeddings:AttemptTimeout must be positive and MaxRetries and MaxRetryAfter not negative.";
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
