using Faq.Core.Review;

namespace Faq.Storage.Tests;

/// <summary>What every review store must do, against each implementation on fresh backing storage.</summary>
public abstract class ReviewStoreContractTests
{
    protected abstract IReviewStore Store(string backing);

    private static string NewBacking() => Guid.NewGuid().ToString("N")[..12];

    private static UnansweredQuestion Question(string text, DateTimeOffset at) =>
        new(ReviewIds.New(at), text, at, "fallback", 0.21, ["side-effects", "safety"]);

    [Fact]
    public async Task UnansweredQuestionsAreKeptNewestFirstAndCanBeRemoved()
    {
        var store = Store(NewBacking());
        var older = Question("do you validate parking", DateTimeOffset.UtcNow.AddHours(-2));
        var newer = Question("can I bring my dog", DateTimeOffset.UtcNow.AddMinutes(-5));
        await store.RecordUnansweredAsync([older]);
        await store.RecordUnansweredAsync([newer]);

        var list = await store.ListUnansweredAsync();
        Assert.Equal([newer.Id, older.Id], list.Select(q => q.Id));
        Assert.Equal(["side-effects", "safety"], list[0].Candidates);
        Assert.Equal(0.21, list[0].Confidence, 3);
        Assert.Equal("can I bring my dog", (await store.GetUnansweredAsync(newer.Id))!.Question);

        Assert.True(await store.RemoveUnansweredAsync(newer.Id));
        Assert.False(await store.RemoveUnansweredAsync(newer.Id));
        Assert.Null(await store.GetUnansweredAsync(newer.Id));
        Assert.Single(await store.ListUnansweredAsync());
    }

    [Fact]
    public async Task PurgingRemovesOnlyQuestionsOlderThanTheCutOff()
    {
        var store = Store(NewBacking());
        var now = DateTimeOffset.UtcNow;
        await store.RecordUnansweredAsync([Question("ancient", now.AddDays(-40)), Question("recent", now.AddDays(-1))]);

        Assert.Equal(1, await store.PurgeUnansweredAsync(now.AddDays(-30)));
        Assert.Equal(["recent"], (await store.ListUnansweredAsync()).Select(q => q.Question));
    }

    [Fact]
    public async Task FeedbackIsCountedPerEntry()
    {
        var store = Store(NewBacking());
        var now = DateTimeOffset.UtcNow;
        await store.RecordFeedbackAsync("is-it-painful", helpful: true, now);
        await store.RecordFeedbackAsync("is-it-painful", helpful: true, now);
        await store.RecordFeedbackAsync("is-it-painful", helpful: false, now);
        await store.RecordFeedbackAsync("booking", helpful: false, now);

        var counts = await store.FeedbackCountsAsync();
        Assert.Equal([new FeedbackCount("booking", 0, 1), new FeedbackCount("is-it-painful", 2, 1)], counts);
    }
}

public sealed class FileReviewStoreTests : ReviewStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faq-review-tests", Guid.NewGuid().ToString("N"));

    protected override IReviewStore Store(string backing) => FaqStores.FileReview(Path.Combine(_root, backing), "default");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class TableReviewStoreTests(AzuriteFixture azurite) : ReviewStoreContractTests
{
    protected override IReviewStore Store(string backing) => FaqStores.TablesReview(azurite.ConnectionString, "t" + backing);
}

public sealed class ReviewIdsTests
{
    [Fact]
    public void EveryNewIdIsPossibleAndOthersAreNot()
    {
        Assert.All(
            [DateTimeOffset.MinValue, DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow, DateTimeOffset.MaxValue.AddDays(-1)],
            at => Assert.True(ReviewIds.IsPossible(ReviewIds.New(at))));
        var id = ReviewIds.New(DateTimeOffset.UtcNow);
        Assert.All(
            [null, "", "nope", id + "0", id[..^1], id.ToUpperInvariant().Replace('-', '_'), id[..19] + "-ABCDEF12", "a" + id[1..], id[..19] + "-a#cdef12"],
            other => Assert.False(ReviewIds.IsPossible(other)));
    }
}
