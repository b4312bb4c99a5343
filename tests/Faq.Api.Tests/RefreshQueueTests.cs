using Faq.Api.Snapshots;

namespace Faq.Api.Tests;

/// <summary>Waiting for a change to be served: only a refresh that began after the change counts.</summary>
public sealed class RefreshQueueTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    /// <summary>Refreshes that each wait until the test lets them finish.</summary>
    private sealed class Refreshes
    {
        private readonly List<TaskCompletionSource> _started = [];

        public int Count
        {
            get
            {
                lock (_started)
                {
                    return _started.Count;
                }
            }
        }

        public Task RunAsync()
        {
            var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_started)
            {
                _started.Add(finish);
            }

            return finish.Task;
        }

        private Task StartedAsync(int number) =>
            Faq.Tests.Polling.Eventually(() => Task.FromResult(Count >= number), $"refresh {number} starts", Long);

        /// <summary>Asks <paramref name="queue"/> for a refresh and waits until it has started (it reads the store from then on).</summary>
        public async Task<Task> StartFirstAsync(RefreshQueue queue)
        {
            var first = queue.Next();
            await StartedAsync(1);
            return first;
        }

        public async Task FinishAsync(int number)
        {
            await StartedAsync(number);
            lock (_started)
            {
                _started[number - 1].SetResult();
            }
        }
    }

    [Fact]
    public async Task ARequestIsCoveredByARefreshThatBeganAfterIt()
    {
        var refreshes = new Refreshes();
        var queue = new RefreshQueue(refreshes.RunAsync);
        var waiting = queue.RefreshAsync(Long, TimeProvider.System, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await refreshes.FinishAsync(1);
        Assert.True(await waiting);
    }

    [Fact]
    public async Task ARefreshAlreadyUnderWayWhenTheChangeWasRequestedDoesNotCoverIt()
    {
        var refreshes = new Refreshes();
        var queue = new RefreshQueue(refreshes.RunAsync);
        var underWay = await refreshes.StartFirstAsync(queue); // read the store before the change was saved
        var waiting = queue.RefreshAsync(Long, TimeProvider.System, CancellationToken.None);

        await refreshes.FinishAsync(1);
        await underWay;
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        await refreshes.FinishAsync(2);
        Assert.True(await waiting);
    }

    [Fact]
    public async Task RequestsMadeWhileARefreshWaitsToStartShareIt()
    {
        var refreshes = new Refreshes();
        var queue = new RefreshQueue(refreshes.RunAsync);
        await refreshes.StartFirstAsync(queue);

        var first = queue.Next();
        var second = queue.Next();
        Assert.Same(first, second);

        await refreshes.FinishAsync(1);
        await refreshes.FinishAsync(2);
        await second;
        Assert.Equal(2, refreshes.Count);
    }

    [Fact]
    public async Task WaitingGivesUpAfterTheTimeout()
    {
        var refreshes = new Refreshes();
        var queue = new RefreshQueue(refreshes.RunAsync);
        Assert.False(await queue.RefreshAsync(TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None));
    }

    [Fact]
    public async Task WaitingStopsWhenTheCallerCancels()
    {
        var refreshes = new Refreshes();
        var queue = new RefreshQueue(refreshes.RunAsync);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.RefreshAsync(Long, TimeProvider.System, cancel.Token));
    }
}
