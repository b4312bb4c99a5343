namespace Faq.Core.Resilience;

/// <summary>
/// How hard a client tries a remote service: a timeout per attempt, retries with exponential back-off and jitter,
/// the longest <c>Retry-After</c> worth waiting for, and a circuit breaker. Each client's options derive from this
/// with its own defaults and configuration section.
/// </summary>
public class ResilienceOptions
{
    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay when the service gives no Retry-After; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait a Retry-After may ask for before a retry; a longer one fails the call at once.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failure ratio over the sampling window that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls in the window before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 8;

    /// <summary>The breaker's sampling window.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial call.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The problems with these settings, each naming its key under <paramref name="section"/>.</summary>
    public IEnumerable<string> ValidateResilience(string section)
    {
        if (AttemptTimeout <= TimeSpan.Zero || RetryDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            yield return $"{section}:AttemptTimeout must be positive and {section}:RetryDelay and {section}:MaxRetryAfter not negative.";
        }

        if (MaxRetries is < 0 or > 10)
        {
            yield return $"{section}:MaxRetries must be between 0 and 10.";
        }

        if (BreakerFailureRatio is <= 0 or > 1 || BreakerMinimumThroughput < 2
            || BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return $"{section}:BreakerFailureRatio must be above 0 and at most 1, {section}:BreakerMinimumThroughput at least 2, and {section}:BreakerSamplingDuration and {section}:BreakDuration at least half a second.";
        }
    }
}
