using Faq.Core.Content;
using Faq.Core.Embeddings;
using Faq.Core.Storage;

namespace Faq.Storage.Tests;

/// <summary>
/// What every store must do, run against each implementation. Each test gets stores on fresh backing storage
/// (a new folder or a new tenant), so tests share nothing.
/// </summary>
public abstract class FaqStoreContractTests
{
    /// <summary>A store over fresh, empty backing storage; a second call with the same key returns another
    /// instance over the same backing storage (another app instance, or the same app after a restart).</summary>
    protected abstract IFaqStore Store(string backing);

    private static FaqEntry Entry(string id, string question = "Does it hurt?", string answer = "A little.", params string[] alternates) =>
        new(id, question, alternates, answer, ["experience"], []);

    private static string NewBacking() => Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task CreatingAnEntryMakesVersionOneWithAnETagAndAHistoryRecord()
    {
        var store = Store(NewBacking());
        var created = await store.CreateAsync(Entry("is-it-painful", alternates: ["Is it painful?"]), "alice", null);

        Assert.Equal(1, created.Version);
        Assert.False(string.IsNullOrEmpty(created.ETag));
        Assert.Equal("alice", created.UpdatedBy);
        var read = await store.GetAsync("is-it-painful");
        Assert.NotNull(read);
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(["Is it painful?"], read.Entry.Alternates);
        Assert.Equal(["experience"], read.Entry.Tags);
        var history = await store.HistoryAsync("is-it-painful");
        Assert.Equal(EntryChange.Created, Assert.Single(history).Change);
    }

    [Fact]
    public async Task CreatingAnIdThatExistsIsRefusedEvenWhenDeleted()
    {
        var store = Store(NewBacking());
        await store.CreateAsync(Entry("a"), "alice", null);
        await Assert.ThrowsAsync<FaqEntryExistsException>(() => store.CreateAsync(Entry("a"), "bob", null));
        await store.DeleteAsync("a", null, "alice");
        var error = await Assert.ThrowsAsync<FaqEntryExistsException>(() => store.CreateAsync(Entry("a"), "bob", null));
        Assert.True(error.Existing.Deleted);
    }

    [Fact]
    public async Task UpdatingWithTheCurrentETagMakesANewVersionAndKeepsTheOld()
    {
        var store = Store(NewBacking());
        var v1 = await store.CreateAsync(Entry("a", answer: "First."), "alice", null);
        var v2 = await store.UpdateAsync(Entry("a", answer: "Second."), v1.ETag, "bob", null);

        Assert.Equal(2, v2.Version);
        Assert.NotEqual(v1.ETag, v2.ETag);
        Assert.Equal("Second.", (await store.GetAsync("a"))!.Entry.Answer);
        var history = await store.HistoryAsync("a");
        Assert.Equal([1L, 2L], history.Select(h => h.Version));
        Assert.Equal(["First.", "Second."], history.Select(h => h.Entry.Answer));
        Assert.Equal(["alice", "bob"], history.Select(h => h.UpdatedBy));
    }

    [Fact]
    public async Task UpdatingWithAStaleETagIsAConflictThatCarriesTheCurrentVersion()
    {
        var store = Store(NewBacking());
        var v1 = await store.CreateAsync(Entry("a", answer: "First."), "alice", null);
        await store.UpdateAsync(Entry("a", answer: "Bob's."), v1.ETag, "bob", null);

        var conflict = await Assert.ThrowsAsync<FaqConcurrencyException>(() => store.UpdateAsync(Entry("a", answer: "Carol's."), v1.ETag, "carol", null));
        Assert.Equal(2, conflict.Current.Version);
        Assert.Equal("Bob's.", conflict.Current.Entry.Answer);
        Assert.Equal("Bob's.", (await store.GetAsync("a"))!.Entry.Answer);
    }

    [Fact]
    public async Task ChangingAnEntryThatDoesNotExistIsNotFound()
    {
        var store = Store(NewBacking());
        await Assert.ThrowsAsync<FaqEntryNotFoundException>(() => store.UpdateAsync(Entry("nope"), "W/\"1\"", "alice", null));
        await Assert.ThrowsAsync<FaqEntryNotFoundException>(() => store.DeleteAsync("nope", null, "alice"));
        Assert.Null(await store.GetAsync("nope"));
        Assert.Empty(await store.HistoryAsync("nope"));
    }

    [Fact]
    public async Task SoftDeleteHidesAnEntryAndRestoreBringsItBackWithEveryStepInHistory()
    {
        var store = Store(NewBacking());
        await store.CreateAsync(Entry("a"), "alice", null);
        await store.CreateAsync(Entry("b"), "alice", null);

        var deleted = await store.DeleteAsync("a", null, "bob");
        Assert.True(deleted.Deleted);
        Assert.Equal(["b"], (await store.ListAsync()).Select(e => e.Entry.Id));
        Assert.Equal(["a", "b"], (await store.ListAsync(includeDeleted: true)).Select(e => e.Entry.Id));

        var restored = await store.RestoreAsync("a", deleted.ETag, "carol");
        Assert.False(restored.Deleted);
        Assert.Equal(3, restored.Version);
        Assert.Equal(["a", "b"], (await store.ListAsync()).Select(e => e.Entry.Id));
        Assert.Equal([EntryChange.Created, EntryChange.Deleted, EntryChange.Restored], (await store.HistoryAsync("a")).Select(h => h.Change));
    }

    [Fact]
    public async Task RevertingMakesANewVersionWithTheOldContentAndUndeletes()
    {
        var store = Store(NewBacking());
        var v1 = await store.CreateAsync(Entry("a", answer: "Good."), "alice", null);
        var v2 = await store.UpdateAsync(Entry("a", answer: "Mistake."), v1.ETag, "bob", null);
        await store.DeleteAsync("a", v2.ETag, "bob");

        var reverted = await store.RevertAsync("a", 1, null, "carol", null);

        Assert.Equal(4, reverted.Version);
        Assert.Equal("Good.", reverted.Entry.Answer);
        Assert.False(reverted.Deleted);
        var history = await store.HistoryAsync("a");
        Assert.Equal([EntryChange.Created, EntryChange.Updated, EntryChange.Deleted, EntryChange.Reverted], history.Select(h => h.Change));
        Assert.Equal("Mistake.", history[1].Entry.Answer);
        await Assert.ThrowsAsync<FaqVersionNotFoundException>(() => store.RevertAsync("a", 99, null, "carol", null));
        await Assert.ThrowsAsync<FaqConcurrencyException>(() => store.RevertAsync("a", 2, v1.ETag, "carol", null));
    }

    [Fact]
    public async Task ConcurrentUpdatesOfOneEntryHaveExactlyOneWinner()
    {
        var store = Store(NewBacking());
        var v1 = await store.CreateAsync(Entry("a", answer: "Original."), "alice", null);

        var attempts = Enumerable.Range(0, 12).Select(async i =>
        {
            try
            {
                await store.UpdateAsync(Entry("a", answer: $"Edit {i}."), v1.ETag, $"editor-{i}", null);
                return true;
            }
            catch (FaqConcurrencyException)
            {
                return false;
            }
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(won => won));
        var current = (await store.GetAsync("a"))!;
        Assert.Equal(2, current.Version);
        var history = await store.HistoryAsync("a");
        Assert.Equal([1L, 2L], history.Select(h => h.Version));
        Assert.Equal(current.Entry.Answer, history[^1].Entry.Answer);
    }

    [Fact]
    public async Task VectorsAreStoredWithTheirModelAndCanBeReplacedWithoutANewVersion()
    {
        var store = Store(NewBacking());
        var vectors = new EntryVectors("model-a", 4, [1, 2, 3, 4, 5, 6, 7, 8]);
        var created = await store.CreateAsync(Entry("a", alternates: ["alt"]), "alice", vectors);
        var read = (await store.GetAsync("a"))!;
        Assert.Equal("model-a", read.Vectors!.ModelId);
        Assert.Equal(vectors.Data, read.Vectors.Data);

        var replaced = new EntryVectors("model-b", 2, [9, 8, 7, 6]);
        Assert.True(await store.SetVectorsAsync("a", created.ETag, replaced));
        var again = (await store.GetAsync("a"))!;
        Assert.Equal(1, again.Version);
        Assert.Equal("model-b", again.Vectors!.ModelId);
        Assert.Equal(replaced.Data, again.Vectors.Data);
        Assert.False(await store.SetVectorsAsync("a", "W/\"stale\"", vectors));
    }

    [Fact]
    public async Task LargeVectorsRoundTrip()
    {
        // 1536 dimensions × 21 variants ≈ 129 KB: more than one table property can hold.
        var store = Store(NewBacking());
        var data = Enumerable.Range(0, 1536 * 21).Select(i => (float)Math.Sin(i)).ToArray();
        var alternates = Enumerable.Range(0, 20).Select(i => $"alternate {i}").ToArray();
        await store.CreateAsync(Entry("big", alternates: alternates), "alice", new EntryVectors("large-model", 1536, data));
        Assert.Equal(data, (await store.GetAsync("big"))!.Vectors!.Data);
    }

    [Fact]
    public async Task SeedingHappensExactlyOnceEvenAfterEntriesAreDeleted()
    {
        var backing = NewBacking();
        var store = Store(backing);
        FaqEntry[] seed = [Entry("a"), Entry("b")];

        Assert.True(await store.SeedAsync(seed, "seed"));
        Assert.False(await store.SeedAsync(seed, "seed"));
        await store.DeleteAsync("a", null, "alice");
        Assert.False(await Store(backing).SeedAsync(seed, "seed"));

        Assert.Equal(["b"], (await store.ListAsync()).Select(e => e.Entry.Id));
        Assert.Equal(EntryChange.Seeded, (await store.HistoryAsync("b"))[0].Change);
    }

    [Fact]
    public async Task AnotherInstanceOverTheSameStorageSeesEveryEdit()
    {
        var backing = NewBacking();
        var first = Store(backing);
        var v1 = await first.CreateAsync(Entry("a", answer: "One."), "alice", null);
        await first.UpdateAsync(Entry("a", answer: "Two."), v1.ETag, "alice", null);

        var second = Store(backing);
        var read = (await second.GetAsync("a"))!;
        Assert.Equal("Two.", read.Entry.Answer);
        Assert.Equal(2, (await second.HistoryAsync("a")).Count);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a|b")]
    [InlineData("tab\there")]
    [InlineData("")]
    public async Task IdsTheStoreCannotKeepAreRejectedBeforeAnythingIsWritten(string id)
    {
        var store = Store(NewBacking());
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.CreateAsync(Entry(id), "alice", null));
        Assert.Empty(await store.ListAsync(includeDeleted: true));
    }

    [Fact]
    public async Task IdsWithQuotesAndUnicodeRoundTrip()
    {
        var store = Store(NewBacking());
        await store.CreateAsync(Entry("it's-ok"), "alice", null);
        await store.CreateAsync(Entry("it"), "alice", null);
        await store.CreateAsync(Entry("naïve-café"), "alice", null);
        Assert.Equal("it's-ok", (await store.GetAsync("it's-ok"))!.Entry.Id);
        Assert.Single(await store.HistoryAsync("it"));
        Assert.Single(await store.HistoryAsync("it's-ok"));
        Assert.NotNull(await store.GetAsync("naïve-café"));
    }
}
