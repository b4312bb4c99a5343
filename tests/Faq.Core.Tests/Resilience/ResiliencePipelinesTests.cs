using Faq.Core.Resilience;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;

namespace Faq.Core.Tests.Resilience;

public sealed class ResiliencePipelinesTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 21, 7, 28, 0, TimeSpan.Zero);

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }

    private static ResilienceOptions Fast(int retries) => new()
    {
        MaxRetries = retries,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        BreakerMinimumThroughput = 3,
        BreakerFailureRatio = 1,
        BreakDuration = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public void RetryAfterIsReadInMillisecondsSecondsOrAsADateMeasuredByTheGivenClock()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500), ResiliencePipelines.RetryAfter("1500", "3", Now));
        Assert.Equal(TimeSpan.FromSeconds(3), ResiliencePipelines.RetryAfter(null, "3", Now));
        Assert.Equal(TimeSpan.FromSeconds(10), ResiliencePipelines.RetryAfter(null, "Wed, 21 Oct 2026 07:28:10 GMT", Now));
        Assert.Equal(TimeSpan.Zero, ResiliencePipelines.RetryAfter(null, "Wed, 21 Oct 2026 07:27:00 GMT", Now));
        Assert.Null(ResiliencePipelines.RetryAfter(null, "soon", Now));
    }

    [Fact]
    public async Task RetriesAndTheOpeningCircuitAreLoggedNamingTheService()
    {
        var log = new RecordingLogger();
        var pipeline = ResiliencePipelines.Build("FAQ store", Fast(retries: 2), new FailureRules(ex => ex is IOException, (_, _) => null), log, TimeProvider.System);
        var calls = 0;

        await Assert.ThrowsAsync<IOException>(async () => await pipeline.ExecuteAsync(_ =>
        {
            calls++;
            throw new IOException("disk unplugged");
        }));

        Assert.Equal(3, calls);
        Assert.Equal(2, log.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.StartsWith("FAQ store call failed, retry", StringComparison.Ordinal)));
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("FAQ store failing", StringComparison.Ordinal));
        await Assert.ThrowsAsync<BrokenCircuitException>(async () => await pipeline.ExecuteAsync(_ => ValueTask.CompletedTask));
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheCallerCanWaitFailsAtOnceAndDatesAreReadWithTheGivenClock()
    {
        var seen = new List<DateTimeOffset>();
        var rules = new FailureRules(_ => true, (_, now) =>
        {
            seen.Add(now);
            return TimeSpan.FromMinutes(2);
        });
        var pipeline = ResiliencePipelines.Build("Embedding service", Fast(retries: 3), rules, new RecordingLogger(), new FixedClock());
        var calls = 0;

        await Assert.ThrowsAsync<HttpRequestException>(async () => await pipeline.ExecuteAsync(_ =>
        {
            calls++;
            throw new HttpRequestException("429");
        }));

        Assert.Equal(1, calls);
        Assert.All(seen, now => Assert.Equal(Now, now));
        Assert.NotEmpty(seen);
    }
}
