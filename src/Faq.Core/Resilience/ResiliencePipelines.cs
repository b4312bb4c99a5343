using System.Globalization;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Faq.Core.Resilience;

/// <summary>What a client's failures mean to its pipeline.</summary>
/// <param name="IsTransient">Whether a failure may go away on the next attempt (network errors, 408, 429, 5xx, timeouts).</param>
/// <param name="RetryAfter">The wait a failed response asks for, if any, given the current time.</param>
public sealed record FailureRules(Func<Exception, bool> IsTransient, Func<Exception, DateTimeOffset, TimeSpan?> RetryAfter)
{
    /// <summary>Which failures count towards opening the circuit; the transient ones when not set.</summary>
    public Func<Exception, bool>? OpensCircuit { get; init; }

    /// <summary>
    /// The rules for an HTTP client whose failed responses surface as <typeparamref name="TFailure"/>: transient are
    /// no response (status 0), 408, 429 and 5xx, network and I/O errors and timeouts; the wait comes from the
    /// response's <c>retry-after-ms</c> or <c>Retry-After</c> header.
    /// </summary>
    /// <param name="status">The failed response's status; 0 when there was none.</param>
    /// <param name="header">A header of the failed response, or null.</param>
    public static FailureRules ForHttp<TFailure>(Func<TFailure, int> status, Func<TFailure, string, string?> header)
        where TFailure : Exception
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(header);
        return new(
            exception => exception switch
            {
                TFailure failed => status(failed) is 0 or 408 or 429 or >= 500,
                HttpRequestException or IOException or TimeoutRejectedException => true,
                TaskCanceledException canceled => canceled.InnerException is TimeoutException,
                _ => false,
            },
            (exception, now) => exception is TFailure failed
                ? ResiliencePipelines.RetryAfter(header(failed, "retry-after-ms"), header(failed, "Retry-After"), now)
                : null);
    }
}

/// <summary>
/// The one way a remote call is made resilient, for the FAQ store and the embedding service alike: retries with
/// exponential back-off and jitter on transient failures, honouring <c>Retry-After</c> (a wait longer than
/// <see cref="ResilienceOptions.MaxRetryAfter"/> fails the call at once), then a circuit breaker so a failing service
/// fails fast, then a timeout per attempt. Retries and breaker changes are logged; every wait uses the given clock.
/// </summary>
public static partial class ResiliencePipelines
{
    /// <summary>Builds the pipeline for one client.</summary>
    /// <param name="service">Names the service in log messages ("FAQ store", "Embedding service").</param>
    /// <param name="options">Timeouts, retries and breaker settings.</param>
    /// <param name="rules">What the client's failures mean.</param>
    /// <param name="logger">Receives retries and breaker changes.</param>
    /// <param name="time">The clock every delay and Retry-After date is measured with.</param>
    public static ResiliencePipeline Build(string service, ResilienceOptions options, FailureRules rules, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);

        // A Retry-After longer than the caller can usefully wait fails the call at once instead of holding it.
        bool Retryable(Exception ex) =>
            rules.IsTransient(ex) && (rules.RetryAfter(ex, time.GetUtcNow()) is not { } wait || wait <= options.MaxRetryAfter);

        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(Retryable),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is { } ex ? rules.RetryAfter(ex, time.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    LogRetrying(logger, service, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.Message);
                    return default;
                },
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle(rules.OpensCircuit ?? rules.IsTransient),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = Math.Max(2, options.BreakerMinimumThroughput),
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
                OnOpened = args =>
                {
                    LogBreakerOpened(logger, service, args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnClosed = _ =>
                {
                    LogBreakerClosed(logger, service);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>
    /// The wait a response asks for: <c>retry-after-ms</c> (milliseconds) when present, else <c>Retry-After</c> in
    /// seconds or as an HTTP date (measured from <paramref name="now"/>); null when neither can be read.
    /// </summary>
    public static TimeSpan? RetryAfter(string? retryAfterMs, string? retryAfter, DateTimeOffset now)
    {
        if (double.TryParse(retryAfterMs, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at > now ? at - now : TimeSpan.Zero;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} call failed, retry {Attempt} in {DelayMs} ms: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string service, int attempt, double delayMs, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service} failing: calls are refused for the next {Seconds} s")]
    private static partial void LogBreakerOpened(ILogger logger, string service, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Service} answering again")]
    private static partial void LogBreakerClosed(ILogger logger, string service);
}
