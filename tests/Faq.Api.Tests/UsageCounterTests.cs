using Faq.Api.Insights;
using Faq.Core.Answering;
using Faq.Core.Channels;
using Faq.Core.Insights;
using Faq.Core.Storage;
using Faq.Core.Triage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Faq.Api.Tests;

/// <summary>The instance-side counter: what it counts, and that neither a failing store nor stopping loses a count.</summary>
public sealed class UsageCounterTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    }

    /// <summary>A store that keeps each writer's latest totals, and fails while told to.</summary>
    private sealed class RecordingStore : IUsageStore
    {
        public Dictionary<(string Writer, DateOnly Day), Dictionary<UsageCell, long>> Saved { get; } = [];

        public bool Failing { get; set; }

        public DateOnly? PurgedBefore { get; private set; }

        public Task SaveAsync(string writer, DateOnly day, IReadOnlyDictionary<UsageCell, long> totals, CancellationToken cancellationToken = default)
        {
            if (Failing)
            {
                throw new FaqStoreUnavailableException("down");
            }

            Saved[(writer, day)] = new Dictionary<UsageCell, long>(totals);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<UsageDay>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<UsageDay>>([]);

        public Task<int> PurgeAsync(DateOnly before, CancellationToken cancellationToken = default)
        {
            PurgedBefore = before;
            return Task.FromResult(0);
        }

        public Dictionary<UsageCell, long> Total() => Saved.Where(s => s.Key.Day == Today)
            .SelectMany(s => s.Value).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
    }

    private static UsageCounter Counter(RecordingStore store, int retentionMonths = 13) => new(
        store, Options.Create(new InsightsOptions { RetentionMonths = retentionMonths, FlushSeconds = 1 }), new FixedClock(), NullLogger<UsageCounter>.Instance);

    private static FaqReply Reply(AnswerOutcome outcome, string? faqId = null, bool greeting = false) => new(
        outcome, "text", faqId, greeting ? 0 : 0.5, greeting ? [new Suggestion("booking", "How do I book?")] : [], "disclaimer",
        [], TriageResult.NotUrgent, false);

    [Fact]
    public async Task RepliesAndVotesAreCountedByOutcomeEntryAndChannelButSmallTalkIsNot()
    {
        var store = new RecordingStore();
        using var counter = Counter(store);
        counter.CountReply(Reply(AnswerOutcome.Answered, "booking"), Channel.Web);
        counter.CountReply(Reply(AnswerOutcome.Answered, "booking"), Channel.Web);
        counter.CountReply(Reply(AnswerOutcome.Fallback), Channel.WhatsApp);
        counter.CountReply(Reply(AnswerOutcome.Urgent), Channel.Sms);
        counter.CountReply(Reply(AnswerOutcome.SmallTalk, greeting: true), Channel.Web);
        counter.CountVote("booking", helpful: false);

        await counter.FlushAsync(CancellationToken.None);

        Assert.Equal(
            new Dictionary<UsageCell, long>
            {
                [new("answered", "booking", "web")] = 2,
                [new("fallback", "", "whatsapp")] = 1,
                [new("urgent", "", "sms")] = 1,
                [new("notHelpful", "booking", "")] = 1,
            },
            store.Total());
    }

    [Fact]
    public async Task AFailedWriteKeepsTheCountsForTheNextOneAndNothingCountsTwice()
    {
        var store = new RecordingStore();
        using var counter = Counter(store);
        counter.CountReply(Reply(AnswerOutcome.Answered, "booking"), Channel.Web);
        await counter.FlushAsync(CancellationToken.None);

        store.Failing = true;
        counter.CountReply(Reply(AnswerOutcome.Answered, "booking"), Channel.Web);
        await Assert.ThrowsAsync<FaqStoreUnavailableException>(() => counter.FlushAsync(CancellationToken.None));
        counter.CountReply(Reply(AnswerOutcome.Clarify), Channel.Api);

        store.Failing = false;
        await counter.FlushAsync(CancellationToken.None);
        await counter.FlushAsync(CancellationToken.None);

        Assert.Single(store.Saved);
        Assert.Equal(
            new Dictionary<UsageCell, long> { [new("answered", "booking", "web")] = 2, [new("clarify", "", "api")] = 1 },
            store.Total());
    }

    [Fact]
    public async Task StoppingWritesWhatIsLeft()
    {
        var store = new RecordingStore();
        using var counter = Counter(store);
        await counter.StartAsync(CancellationToken.None);
        counter.CountReply(Reply(AnswerOutcome.Answered, "booking"), Channel.Sms);

        await counter.StopAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<UsageCell, long> { [new("answered", "booking", "sms")] = 1 }, store.Total());
    }

    [Fact]
    public void RetentionCountsWholeMonthsBackFromToday() =>
        Assert.Equal(new DateOnly(2025, 11, 1), Counter(new RecordingStore()).OldestKept());
}
