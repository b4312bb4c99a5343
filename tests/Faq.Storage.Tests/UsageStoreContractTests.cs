using Faq.Core.Insights;

namespace Faq.Storage.Tests;

/// <summary>What every usage store must do, against each implementation on fresh backing storage.</summary>
public abstract class UsageStoreContractTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 29);

    /// <summary>A store on <paramref name="backing"/>; two calls with the same backing are two instances on one store.</summary>
    protected abstract IUsageStore Store(string backing);

    private static string NewBacking() => Guid.NewGuid().ToString("N")[..12];

    private static Dictionary<UsageCell, long> Counts(params (string Kind, string FaqId, string Channel, long Count)[] cells) =>
        cells.ToDictionary(c => new UsageCell(c.Kind, c.FaqId, c.Channel), c => c.Count);

    [Fact]
    public async Task WritersAreSummedPerDayAndAWriterReplacesOnlyItsOwnTotals()
    {
        var store = Store(NewBacking());
        await store.SaveAsync("a", Day1, Counts(("answered", "booking", "web", 1)));
        await store.SaveAsync("a", Day1, Counts(("answered", "booking", "web", 3), ("fallback", "", "sms", 1)));
        await store.SaveAsync("a", Day1, Counts(("answered", "booking", "web", 3), ("fallback", "", "sms", 1)));
        await store.SaveAsync("b", Day1, Counts(("answered", "booking", "web", 2), ("helpful", "booking", "", 1)));
        await store.SaveAsync("a", Day1.AddDays(1), Counts(("urgent", "", "whatsapp", 1)));
        await store.SaveAsync("a", Day1.AddDays(5), Counts(("urgent", "", "web", 7)));

        var days = await store.ReadAsync(Day1, Day1.AddDays(2));

        Assert.Equal([Day1, Day1.AddDays(1)], days.Select(d => d.Day));
        Assert.Equal(Counts(("answered", "booking", "web", 5), ("fallback", "", "sms", 1), ("helpful", "booking", "", 1)), days[0].Counts);
        Assert.Equal(Counts(("urgent", "", "whatsapp", 1)), days[1].Counts);
        Assert.Empty(await store.ReadAsync(Day1.AddDays(10), Day1.AddDays(20)));
    }

    [Fact]
    public async Task ManyInstancesWritingAtOnceLoseNoCount()
    {
        var backing = NewBacking();
        const int instances = 6;
        const int flushes = 15;
        await Task.WhenAll(Enumerable.Range(0, instances).Select(i => Task.Run(async () =>
        {
            // Each instance is a separate store object on the same backing, as separate processes would be.
            var store = Store(backing);
            for (var flush = 1; flush <= flushes; flush++)
            {
                await store.SaveAsync($"instance{i}", Day1, Counts(("answered", "booking", "web", flush), ("fallback", "", "sms", 2 * flush)));
            }
        })));

        var day = Assert.Single(await Store(backing).ReadAsync(Day1, Day1));
        Assert.Equal(Counts(("answered", "booking", "web", instances * flushes), ("fallback", "", "sms", 2 * instances * flushes)), day.Counts);
    }

    [Fact]
    public async Task ARestartedInstanceReadsEverythingAndAddsToIt()
    {
        var backing = NewBacking();
        await Store(backing).SaveAsync("before-restart", Day1, Counts(("answered", "booking", "web", 4)));

        var restarted = Store(backing);
        await restarted.SaveAsync("after-restart", Day1, Counts(("answered", "booking", "web", 1)));

        Assert.Equal(5, Assert.Single(await restarted.ReadAsync(Day1, Day1)).Counts[new UsageCell("answered", "booking", "web")]);
    }

    [Fact]
    public async Task ADayWithThousandsOfCountersRoundTrips()
    {
        var store = Store(NewBacking());
        var many = Enumerable.Range(0, 3_000).ToDictionary(i => new UsageCell("answered", $"entry-number-{i:D4}", "web"), i => (long)i + 1);
        await store.SaveAsync("a", Day1, many);

        Assert.Equal(many, Assert.Single(await store.ReadAsync(Day1, Day1)).Counts);
    }

    [Fact]
    public async Task PurgingRemovesOnlyDaysBeforeTheCutOff()
    {
        var store = Store(NewBacking());
        await store.SaveAsync("a", Day1.AddDays(-400), Counts(("answered", "booking", "web", 1)));
        await store.SaveAsync("b", Day1.AddDays(-400), Counts(("answered", "booking", "web", 1)));
        await store.SaveAsync("a", Day1, Counts(("answered", "booking", "web", 2)));

        Assert.Equal(2, await store.PurgeAsync(Day1.AddDays(-1)));
        Assert.Equal([Day1], (await store.ReadAsync(Day1.AddDays(-500), Day1)).Select(d => d.Day));
        Assert.Equal(0, await store.PurgeAsync(Day1.AddDays(-1)));
    }
}

public sealed class FileUsageStoreTests : UsageStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faq-usage-tests", Guid.NewGuid().ToString("N"));

    protected override IUsageStore Store(string backing) => FaqStores.FileUsage(Path.Combine(_root, backing), "default");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class TableUsageStoreTests(AzuriteFixture azurite) : UsageStoreContractTests
{
    protected override IUsageStore Store(string backing) => FaqStores.TablesUsage(azurite.ConnectionString, "t" + backing);
}
