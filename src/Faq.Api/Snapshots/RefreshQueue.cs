namespace Faq.Api.Snapshots;

/// <summary>
/// Runs refreshes one at a time. Asking for a refresh gets one that starts after the request, so it reads whatever was
/// saved before the request; requests made while that refresh waits to start share it. This is what makes a saved
/// change the one that is served when the save returns (read-your-writes).
/// </summary>
internal sealed class RefreshQueue(Func<Task> refresh)
{
    private readonly Lock _lock = new();
    private Task _last = Task.CompletedTask;
    private Task? _next;

    /// <summary>A refresh that starts after this call; it never fails (<paramref name="refresh"/> reports its own failures).</summary>
    public Task Next()
    {
        lock (_lock)
        {
            return _next ??= _last = RunAfterAsync(_last);
        }
    }

    /// <summary>Asks for a refresh and waits for it at most <paramref name="wait"/>; false when it has not finished by then (it still runs).</summary>
    public async Task<bool> RefreshAsync(TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await Next().WaitAsync(wait, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task RunAfterAsync(Task previous)
    {
        // Always continues later, never inside Next's lock: a request made until the line below joins this refresh.
        await previous.ConfigureAwait(ConfigureAwaitOptions.ForceYielding | ConfigureAwaitOptions.SuppressThrowing);
        lock (_lock)
        {
            _next = null; // this refresh reads the store from here on: a later request needs a later refresh
        }

        await refresh();
    }
}
