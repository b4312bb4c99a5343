using Faq.Core.Content;
using Faq.Core.Storage;

namespace Faq.Storage.Tests;

public sealed class FileFaqStoreTests : FaqStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faq-store-tests", Guid.NewGuid().ToString("N"));

    protected override IFaqStore Store(string backing) => FaqStores.File(Path.Combine(_root, backing), "default");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task WritesLeaveNoTemporaryFilesBehind()
    {
        var folder = Path.Combine(_root, "clean");
        var store = FaqStores.File(folder, "default");
        var v1 = await store.CreateAsync(new FaqEntry("a", "Q?", [], "A.", [], []), "alice", null);
        await store.UpdateAsync(new FaqEntry("a", "Q?", [], "B.", [], []), v1.ETag, "alice", null);
        Assert.Equal(["default.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ACorruptFileIsReportedAsUnavailableNotSilentlyReplaced()
    {
        var folder = Path.Combine(_root, "corrupt");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "default.json"), "{ not json");
        var store = FaqStores.File(folder, "default");
        await Assert.ThrowsAsync<FaqStoreUnavailableException>(() => store.ListAsync());
        Assert.Equal("{ not json", await File.ReadAllTextAsync(Path.Combine(folder, "default.json")));
    }

    private static FaqEntry Entry(string id, string answer = "A.") => new(id, $"Question {id}?", [], answer, [], []);

    [Fact]
    public async Task TwoStoresWritingToOneFolderAtOnceLoseNothing()
    {
        var folder = Path.Combine(_root, "two-writers");
        var first = FaqStores.File(folder, "default");
        var second = FaqStores.File(folder, "default");

        await Task.WhenAll(
            Task.Run(async () =>
            {
                for (var i = 0; i < 25; i++)
                {
                    await first.CreateAsync(Entry($"first-{i}"), "alice", null);
                }
            }),
            Task.Run(async () =>
            {
                for (var i = 0; i < 25; i++)
                {
                    await second.CreateAsync(Entry($"second-{i}"), "bob", null);
                }
            }));

        Assert.Equal(50, (await first.ListAsync()).Count);
        Assert.Equal(50, (await second.ListAsync()).Count);
        Assert.Equal(50, (await FaqStores.File(folder, "default").ListAsync()).Count);
    }

    [Fact]
    public async Task AChangeMadeThroughAnotherStoreIsSeenAndKeptByTheNextWrite()
    {
        var folder = Path.Combine(_root, "other-writer");
        var app = FaqStores.File(folder, "default");
        var booking = await app.CreateAsync(Entry("booking"), "seed", null);
        Assert.Single(await app.ListAsync()); // the app has read the file

        var cli = FaqStores.File(folder, "default");
        await cli.CreateAsync(Entry("imported"), "cli", null);

        Assert.Equal(["booking", "imported"], (await app.ListAsync()).Select(e => e.Entry.Id));
        await app.UpdateAsync(Entry("booking", "Call the front desk."), booking.ETag, "staff", null);
        Assert.Equal(["booking", "imported"], (await cli.ListAsync()).Select(e => e.Entry.Id));
        Assert.Equal("Call the front desk.", (await cli.GetAsync("booking"))!.Entry.Answer);
    }

    [Fact]
    public async Task AnEditBasedOnAnEntryAnotherStoreChangedFailsLikeAStaleETag()
    {
        var folder = Path.Combine(_root, "stale");
        var app = FaqStores.File(folder, "default");
        var read = await app.CreateAsync(Entry("booking"), "seed", null);

        var other = FaqStores.File(folder, "default");
        await other.UpdateAsync(Entry("booking", "Changed elsewhere."), read.ETag, "bob", null);

        var stale = await Assert.ThrowsAsync<FaqConcurrencyException>(() => app.UpdateAsync(Entry("booking", "Overwrite attempt."), read.ETag, "alice", null));
        Assert.Equal("Changed elsewhere.", stale.Current.Entry.Answer);
        Assert.Equal("Changed elsewhere.", (await app.GetAsync("booking"))!.Entry.Answer);
    }

    [Fact]
    public async Task AFileEditedByHandIsServedAndKeptByTheNextWrite()
    {
        var folder = Path.Combine(_root, "by-hand");
        var store = FaqStores.File(folder, "default");
        await store.CreateAsync(Entry("booking", "Old answer."), "seed", null);
        Assert.Equal("Old answer.", (await store.GetAsync("booking"))!.Entry.Answer);

        var file = Path.Combine(folder, "default.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("Old answer.", "Edited by hand.", StringComparison.Ordinal));

        Assert.Equal("Edited by hand.", (await store.GetAsync("booking"))!.Entry.Answer);
        await store.CreateAsync(Entry("parking"), "staff", null);
        Assert.Equal("Edited by hand.", (await FaqStores.File(folder, "default").GetAsync("booking"))!.Entry.Answer);
    }
}
