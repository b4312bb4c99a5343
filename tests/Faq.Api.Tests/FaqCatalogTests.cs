using Faq.Api.Content;

namespace Faq.Api.Tests;

/// <summary>Waiting for a change to be served: only a refresh that read the store after the change counts.</summary>
public sealed class FaqCatalogTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WithNothingRequestedThereIsNothingToWaitFor()
    {
        using var catalog = new FaqCatalog();
        Assert.True(await catalog.WaitForRequestedRefreshesAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task ARequestIsCoveredByARefreshThatBeganAfterIt()
    {
        using var catalog = new FaqCatalog();
        catalog.RequestRefresh();
        var waiting = catalog.WaitForRequestedRefreshesAsync(Long, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        catalog.EndRefresh(catalog.BeginRefresh());
        Assert.True(await waiting);
    }

    [Fact]
    public async Task ARefreshAlreadyUnderWayWhenTheChangeWasRequestedDoesNotCoverIt()
    {
        using var catalog = new FaqCatalog();
        var underWay = catalog.BeginRefresh(); // read the store before the change was saved
        catalog.RequestRefresh();
        var waiting = catalog.WaitForRequestedRefreshesAsync(Long, CancellationToken.None);

        catalog.EndRefresh(underWay);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        catalog.EndRefresh(catalog.BeginRefresh());
        Assert.True(await waiting);
    }

    [Fact]
    public async Task WaitingGivesUpAfterTheTimeout()
    {
        using var catalog = new FaqCatalog();
        catalog.RequestRefresh();
        Assert.False(await catalog.WaitForRequestedRefreshesAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None));
    }

    [Fact]
    public async Task WaitingStopsWhenTheCallerCancels()
    {
        using var catalog = new FaqCatalog();
        catalog.RequestRefresh();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => catalog.WaitForRequestedRefreshesAsync(Long, cancel.Token));
    }
}
