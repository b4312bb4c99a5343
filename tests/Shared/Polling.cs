namespace Faq.Tests;

/// <summary>Waiting in tests for what the app does in the background (recording, reloading, recovering).</summary>
internal static class Polling
{
    /// <summary>Checks <paramref name="condition"/> every 100 ms until it holds; fails the test after <paramref name="within"/>.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not within {within.TotalSeconds:0.#} s: {what}.");
            await Task.Delay(100);
        }
    }
}
