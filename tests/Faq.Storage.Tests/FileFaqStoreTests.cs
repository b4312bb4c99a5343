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
}
