using System.Diagnostics;
using Azure;
using Azure.Core;
using Faq.Core.Content;
using Faq.Core.Storage;
using Moq;

namespace Faq.Storage.Tests;

public sealed class ResilientFaqStoreTests
{
    private static readonly StoreResilienceOptions Fast = new()
    {
        AttemptTimeout = TimeSpan.FromMilliseconds(200),
        MaxRetries = 3,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        BreakerMinimumThroughput = 100,
    };

    private static StoredEntry Stored(string id) => new(new FaqEntry(id, "Q?", [], "A.", [], []), 1, "W/\"1\"", DateTimeOffset.UnixEpoch, "alice", false, null);

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(408)]
    public async Task TransientFailuresAreRetried(int status)
    {
        var inner = new Mock<IFaqStore>();
        inner.SetupSequence(s => s.GetAsync("a", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(status, "busy"))
            .ThrowsAsync(new HttpRequestException("connection refused"))
            .ReturnsAsync(Stored("a"));

        var store = new ResilientFaqStore(inner.Object, Fast);
        Assert.Equal("a", (await store.GetAsync("a"))!.Entry.Id);
        inner.Verify(s => s.GetAsync("a", It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task DomainOutcomesAreNotRetried()
    {
        var inner = new Mock<IFaqStore>();
        inner.Setup(s => s.UpdateAsync(It.IsAny<FaqEntry>(), "stale", "bob", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new FaqConcurrencyException(Stored("a")));
        var store = new ResilientFaqStore(inner.Object, Fast);

        await Assert.ThrowsAsync<FaqConcurrencyException>(() => store.UpdateAsync(Stored("a").Entry, "stale", "bob", null));
        inner.Verify(s => s.UpdateAsync(It.IsAny<FaqEntry>(), "stale", "bob", null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PersistentFailureBecomesStoreUnavailableAfterTheRetries()
    {
        var inner = new Mock<IFaqStore>();
        inner.Setup(s => s.ListAsync(false, It.IsAny<CancellationToken>())).ThrowsAsync(new RequestFailedException(503, "down"));
        var store = new ResilientFaqStore(inner.Object, Fast);

        var error = await Assert.ThrowsAsync<FaqStoreUnavailableException>(() => store.ListAsync());
        Assert.IsType<RequestFailedException>(error.InnerException);
        inner.Verify(s => s.ListAsync(false, It.IsAny<CancellationToken>()), Times.Exactly(1 + Fast.MaxRetries));
    }

    [Fact]
    public async Task AHangingCallTimesOutPerAttempt()
    {
        var inner = new Mock<IFaqStore>();
        inner.Setup(s => s.ListAsync(false, It.IsAny<CancellationToken>()))
            .Returns(async (bool _, CancellationToken ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return [];
            });
        var store = new ResilientFaqStore(inner.Object, Fast);

        await Assert.ThrowsAsync<FaqStoreUnavailableException>(() => store.ListAsync());
        inner.Verify(s => s.ListAsync(false, It.IsAny<CancellationToken>()), Times.Exactly(1 + Fast.MaxRetries));
    }

    [Fact]
    public async Task TheCircuitOpensAndThenFailsFastWithoutCallingTheStore()
    {
        var options = new StoreResilienceOptions
        {
            MaxRetries = 0,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            BreakerMinimumThroughput = 4,
            BreakerFailureRatio = 0.5,
            BreakDuration = TimeSpan.FromMinutes(1),
        };
        var inner = new Mock<IFaqStore>();
        inner.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new RequestFailedException(503, "down"));
        var store = new ResilientFaqStore(inner.Object, options);

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<FaqStoreUnavailableException>(() => store.GetAsync("a"));
        }

        var open = await Assert.ThrowsAsync<FaqStoreUnavailableException>(() => store.GetAsync("a"));
        Assert.IsType<Polly.CircuitBreaker.BrokenCircuitException>(open.InnerException);
        inner.Verify(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(4));
    }

    [Fact]
    public async Task RetryAfterIsHonoured()
    {
        var inner = new Mock<IFaqStore>();
        inner.SetupSequence(s => s.GetAsync("a", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(new StubResponse(429, ("Retry-After", "1"))))
            .ReturnsAsync(Stored("a"));
        var store = new ResilientFaqStore(inner.Object, Fast);

        var clock = Stopwatch.StartNew();
        await store.GetAsync("a");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void OnlyTransientFailuresCountAsTransient()
    {
        Assert.True(StoreResilience.IsTransient(new RequestFailedException(503, "x")));
        Assert.True(StoreResilience.IsTransient(new RequestFailedException(0, "network")));
        Assert.True(StoreResilience.IsTransient(new IOException()));
        Assert.False(StoreResilience.IsTransient(new RequestFailedException(404, "x")));
        Assert.False(StoreResilience.IsTransient(new RequestFailedException(412, "x")));
        Assert.False(StoreResilience.IsTransient(new FaqEntryNotFoundException("a")));
        Assert.False(StoreResilience.IsTransient(new OperationCanceledException()));
    }

    [Fact]
    public async Task RetriesAreLogged()
    {
        var inner = new Mock<IFaqStore>();
        inner.SetupSequence(s => s.GetAsync("a", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(503, "busy"))
            .ReturnsAsync(Stored("a"));
        var logger = new RecordingLogger();

        await new ResilientFaqStore(inner.Object, Fast, logger).GetAsync("a");

        Assert.Contains(logger.Messages, m => m.StartsWith("FAQ store call failed, retry 1", StringComparison.Ordinal) && m.EndsWith("busy", StringComparison.Ordinal));
    }

    private sealed class RecordingLogger : Microsoft.Extensions.Logging.ILogger<StoreResilience>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }

    private sealed class StubResponse(int status, params (string Name, string Value)[] headers) : Response
    {
        public override int Status => status;

        public override string ReasonPhrase => "Stub";

        public override Stream? ContentStream { get; set; } = new MemoryStream();

        public override string ClientRequestId { get; set; } = "stub";

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => headers.Any(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(h => new HttpHeader(h.Name, h.Value));

        protected override bool TryGetHeader(string name, out string value)
        {
            value = headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value!;
            return value is not null;
        }

        protected override bool TryGetHeaderValues(string name, out IEnumerable<string> values)
        {
            var found = TryGetHeader(name, out var value);
            values = found ? [value] : [];
            return found;
        }
    }
}
