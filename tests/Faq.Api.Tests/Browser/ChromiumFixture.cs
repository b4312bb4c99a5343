using Microsoft.Playwright;

namespace Faq.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium (installed by .ci/test.sh), headless, driven by Playwright; never a downloaded browser.
/// Screenshots go to <c>TestResults/screenshots</c> next to the test project.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}. Run the tests with `bash .ci/test.sh`, which installs Debian's chromium.");
        }

        Directory.CreateDirectory(ScreenshotFolder);

        // Expectations wait for the page to reach a state; on a busy two-core CI machine that can take longer than
        // Playwright's default 5 s without anything being wrong.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    public static string Screenshot(string name) => Path.Combine(ScreenshotFolder, name + ".png");
}

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
